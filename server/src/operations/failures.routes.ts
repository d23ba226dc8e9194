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
import { countFailures, countOptedOut, listFailures, isOptedOutMarketing, retryAllFailures, TO_OPTED_OUT_MARKETING } from './failures.queries';

const EVENT_ID = /^[1-9]\d{0,17}$/;

export function failuresRoutes(deps: { db: Knex; queues: Queues; log: Logger }, requireAuth: RequestHandler): Router {
  const r = Router();
  // The sweeper re-enqueues anything whose job could not be queued now: a retry is never lost.
  const enqueue = (what: string, add: () => Promise<unknown>) =>
    withTimeout(add(), 1_000).catch((err) => deps.log.warn({ err: (err as Error).message }, `${what} retry queued by the sweeper instead`));

  r.get('/v1/operations/failures', requireAuth, allow('admin'), async (req, res) => {
    res.json(await listFailures(forTenant(deps.db, authOf(req).tenantId)));
  });

  // Once the cause is fixed (a renewed access token, a provider back up), everything that failed
  // goes back at once: up to RETRY_ALL_LIMIT of each per call; `remaining` says whether to call again.
  r.post('/v1/operations/failures/retry-all', requireAuth, allow('admin'), async (req, res) => {
    const tenantId = authOf(req).tenantId;
    const done = await retryAllFailures(forTenant(deps.db, tenantId));
    await Promise.all([
      done.drains.length && enqueue('events', () => addDrains(deps.queues, done.drains.map((d) => ({ tenantId, ...d })))),
      done.conversations.length && enqueue('messages', () => deps.queues.send.addBulk(done.conversations.map((conversationId) => ({ name: 'drain', data: { tenantId, conversationId } })))),
    ]);
    const [left, optedOut] = await Promise.all([countFailures(forTenant(deps.db, tenantId)), countOptedOut(forTenant(deps.db, tenantId))]);
    res.status(202).json({ messages: done.messages, events: done.events, remaining: left.events + left.messages, optedOut });
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
    const tdb = forTenant(deps.db, auth.tenantId);
    const [row] = await tdb.from('messages').where({ id, direction: 'out', status: 'failed' }).whereRaw(`NOT ${TO_OPTED_OUT_MARKETING}`)
      .update({ status: 'pending', attempts: 0, error: null, next_attempt_at: null, updated_at: new Date() }).returning(['conversation_id']);
    // Nothing taken: say why only then (the usual retry runs one statement).
    if (!row && (await isOptedOutMarketing(tdb, id))) {
      throw new AppError('conflict', 'This customer opted out of marketing messages after this one failed: it is not sent again', { reason: 'opted_out' });
    }
    if (!row) throw new AppError('not_found', 'No such failed message');
    await enqueue('message', () => deps.queues.send.add('drain', { tenantId: auth.tenantId, conversationId: row.conversation_id }));
    res.status(202).json({ retried: true });
  });
  return r;
}
