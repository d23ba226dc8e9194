// The workspace's dead letters: inbound events set aside after repeated failures and messages that
// could not be sent, with the reason, and a retry for each. Owners and admins only.
import { Router, type RequestHandler } from 'express';
import type { Knex } from 'knex';
import { forTenant } from '../db/tenant-db';
import { isUuid } from '../db/uuid';
import { allow } from '../http/access';
import { AppError } from '../http/app-error';
import { authOf } from '../http/auth';
import type { Logger } from '../log/logger';
import { withTimeout, type Queues } from '../queues/queues';
import { addDrains } from '../queues/drain-jobs';

const LIMIT = 50;

type EventRow = { id: string; kind: string; conversation_key: string; error: string | null; attempts: number; received_at: Date; processed_at: Date | null };
type MessageRow = { id: string; conversation_id: string; text: string | null; type: string; error: string | null; attempts: number; updated_at: Date };
const EVENT_ID = /^[1-9]\d{0,17}$/;

export function failuresRoutes(deps: { db: Knex; queues: Queues; log: Logger }, requireAuth: RequestHandler): Router {
  const r = Router();
  // The sweeper re-enqueues anything whose job could not be queued now: a retry is never lost.
  const enqueue = (what: string, add: () => Promise<unknown>) =>
    withTimeout(add(), 1_000).catch((err) => deps.log.warn({ err: (err as Error).message }, `${what} retry queued by the sweeper instead`));

  r.get('/v1/operations/failures', requireAuth, allow('admin'), async (req, res) => {
    const tdb = forTenant(deps.db, authOf(req).tenantId);
    const [events, messages] = await Promise.all([
      tdb.from('inbound_events').where({ status: 'failed' }).orderBy('id', 'desc').limit(LIMIT)
        .select('id', 'kind', 'conversation_key', 'error', 'attempts', 'received_at', 'processed_at'),
      tdb.from('messages').where({ direction: 'out', status: 'failed' }).orderBy('updated_at', 'desc').limit(LIMIT)
        .select('id', 'conversation_id', 'text', 'type', 'error', 'attempts', 'updated_at'),
    ]);
    res.json({
      events: (events as EventRow[]).map((e) => ({
        id: String(e.id), kind: e.kind, conversationKey: e.conversation_key, error: e.error, attempts: e.attempts, receivedAt: e.received_at, failedAt: e.processed_at,
      })),
      messages: (messages as MessageRow[]).map((m) => ({ id: m.id, conversationId: m.conversation_id, text: m.text, type: m.type, error: m.error, attempts: m.attempts, failedAt: m.updated_at })),
    });
  });

  r.post('/v1/operations/failures/events/:id/retry', requireAuth, allow('admin'), async (req, res) => {
    const auth = authOf(req);
    const id = String(req.params.id);
    if (!EVENT_ID.test(id)) throw new AppError('not_found', 'No such failed event');
    const [row] = await forTenant(deps.db, auth.tenantId).from('inbound_events').where({ id, status: 'failed' })
      .update({ status: 'received', attempts: 0, error: null, processed_at: null }).returning(['channel_id', 'conversation_key']);
    if (!row) throw new AppError('not_found', 'No such failed event');
    await enqueue('event', () => addDrains(deps.queues, [{ tenantId: auth.tenantId, channelId: row.channel_id, conversationKey: row.conversation_key }]));
    res.status(202).json({ retried: true });
  });

  r.post('/v1/operations/failures/messages/:id/retry', requireAuth, allow('admin'), async (req, res) => {
    const auth = authOf(req);
    const id = String(req.params.id);
    if (!isUuid(id)) throw new AppError('not_found', 'No such failed message');
    const [row] = await forTenant(deps.db, auth.tenantId).from('messages').where({ id, direction: 'out', status: 'failed' })
      .update({ status: 'pending', attempts: 0, error: null, next_attempt_at: null, updated_at: new Date() }).returning(['conversation_id']);
    if (!row) throw new AppError('not_found', 'No such failed message');
    await enqueue('message', () => deps.queues.send.add('drain', { tenantId: auth.tenantId, conversationId: row.conversation_id }));
    res.status(202).json({ retried: true });
  });
  return r;
}
