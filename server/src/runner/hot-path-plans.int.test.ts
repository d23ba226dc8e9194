// Each message runs the hot path's statements as named prepared statements, and after five runs on a
// connection PostgreSQL may keep one plan made without the parameters' values (a generic plan).
// Every plan must read only the rows of the message's own chat: here workspace A holds a large
// history and a backlog its statistics have not seen (taken while the tables were small, as in a
// young database), and each statement of a message (stored, drained, claimed and sent), of small
// workspace B and of A itself, is planned with its values and, when named, generically: its widest
// scan must read a handful of pages.
import knexFactory, { type Knex } from 'knex';
import { describe, it } from 'vitest';
import { cleanupsOf } from '../../test/cleanups';
import { pagesRead, query } from '../../test/db';
import { edge, flow, node } from '../../test/flow-docs';
import * as P from '../../test/fakes/whatsapp-payloads';
import { eventually, otherWorkspace, startPipeline } from '../../test/pipeline';
import { forTenant } from '../db/tenant-db';
import { claimNext, markSent } from '../outbox/outbox';
import { receivedEvents } from './drain-inbound';
import { finishDrain } from './finish-drain.queries';
import { storeInbound } from './store-inbound.queries';
import { strandedInbound } from './sweeper.queries';

type Statement = { name: string | null; sql: string; bindings: unknown[] };

/** The statements `run` sends (not transaction control), in $n form, from inside a transaction rolled back afterwards. */
async function statementsOf(knex: Knex, run: (trx: Knex.Transaction) => Promise<void>): Promise<Statement[]> {
  const seen: Statement[] = [];
  const listen = (q: { sql: string; bindings?: unknown[]; options?: { name?: string } }) => {
    if (/^\s*(begin|commit|rollback|savepoint|release)\b/i.test(q.sql)) return;
    seen.push({ name: q.options?.name ?? null, sql: (knex.client as { positionBindings(sql: string): string }).positionBindings(q.sql), bindings: q.bindings ?? [] });
  };
  knex.on('query', listen);
  const rollback = new Error('rollback');
  try {
    await knex.transaction(async (trx) => {
      await run(trx);
      throw rollback;
    });
  } catch (err) {
    if (err !== rollback) throw err;
  } finally {
    knex.off('query', listen);
  }
  return seen;
}

describe("the hot path's statements", () => {
  it("when another workspace has a large history and an unseen backlog, then each statement of a message, B's or A's own, planned with or without its values, reads only its chat's rows", async ({ expect, onTestFinished }) => {
    const cleanups = cleanupsOf({ onTestFinished });
    const p = await startPipeline();
    cleanups.push(() => p.close());
    await p.publish(flow([node('start', 'trigger', { fallback: true }), node('say', 'message', { text: 'olá' })], [edge('start', 'next', 'say')], []), 'Olá');
    const waId = '5511970000011';
    await p.wa.inbound({ waId }, P.textMessage('oi'));
    const url = p.app.config.DATABASE_URL;
    const b = (await eventually(async () => (await query(url, `SELECT c.id AS conversation_id, c.channel_id, m.id AS reply_id, e.id AS event_id, e.conversation_key
      FROM conversations c JOIN messages m ON m.conversation_id = c.id AND m.direction = 'out' AND m.status = 'sent'
      JOIN inbound_events e ON e.tenant_id = c.tenant_id AND e.kind = 'message' WHERE c.tenant_id = $1`, [p.tenantId]))[0], 20_000))!;

    // Workspace A: 20,000 customers with a chat each, their history, and a backlog (events waiting
    // for a drain, replies waiting for a retry), none of it seen by the statistics.
    const a = await otherWorkspace(p, 'Loja A', '106540352242888');
    // The statistics are as a young database has them: taken while the tables were small.
    await query(url, 'ANALYZE');
    await query(url, `INSERT INTO contacts (tenant_id, channel_id, external_id, phone, aliases)
      SELECT $1, $2, '55119' || lpad(g::text, 8, '0'), '55119' || lpad(g::text, 8, '0'), ARRAY['55119' || lpad(g::text, 8, '0')] FROM generate_series(1, 20000) g`, [a.tenantId, a.channelId]);
    await query(url, `INSERT INTO conversations (tenant_id, channel_id, contact_id, status, last_message_at)
      SELECT tenant_id, channel_id, id, 'bot', now() FROM contacts WHERE tenant_id = $1`, [a.tenantId]);
    await query(url, `INSERT INTO inbound_events (tenant_id, channel_id, provider_event_id, kind, conversation_key, payload, status)
      SELECT $1, $2, 'wamid.a' || g, 'message', 'k' || (g % 20000), '{}', 'processed' FROM generate_series(1, 100000) g`, [a.tenantId, a.channelId]);
    await query(url, `INSERT INTO messages (tenant_id, conversation_id, channel_id, direction, type, text, payload, status, author)
      SELECT c.tenant_id, c.id, c.channel_id, d.direction, 'text', 'oi', '{}', CASE d.direction WHEN 'in' THEN 'received' ELSE 'sent' END, CASE d.direction WHEN 'in' THEN 'contact' ELSE 'bot' END
      FROM conversations c CROSS JOIN (VALUES ('in'), ('out')) d(direction) WHERE c.tenant_id = $1`, [a.tenantId]);
    await query(url, `INSERT INTO inbound_events (tenant_id, channel_id, provider_event_id, kind, conversation_key, payload, status)
      SELECT $1, $2, 'wamid.backlog' || g, 'message', 'k' || (g % 20000), '{}', 'received' FROM generate_series(1, 20000) g`, [a.tenantId, a.channelId]);
    await query(url, `INSERT INTO messages (tenant_id, conversation_id, channel_id, direction, type, text, payload, status, author, next_attempt_at)
      SELECT tenant_id, id, channel_id, 'out', 'text', 'promo', '{}', 'pending', 'bot', now() + interval '1 hour' FROM conversations WHERE tenant_id = $1`, [a.tenantId]);

    const knex = knexFactory({ client: 'pg', connection: url, pool: { min: 0, max: 1 } });
    cleanups.push(() => knex.destroy());
    const aChat = (await query(url, `SELECT c.id AS conversation_id, c.channel_id, ct.external_id, m.id AS reply_id, e.id AS event_id, e.conversation_key
      FROM conversations c JOIN contacts ct ON ct.id = c.contact_id JOIN messages m ON m.conversation_id = c.id AND m.direction = 'out' AND m.status = 'sent'
      CROSS JOIN LATERAL (SELECT id, conversation_key FROM inbound_events WHERE tenant_id = c.tenant_id AND status = 'received' LIMIT 1) e
      WHERE c.tenant_id = $1 LIMIT 1`, [a.tenantId]))[0];
    // A customer's next message, as the worker stores, drains, closes and sends it, and as a later
    // send claims: B's, beside A's rows, and one of A's own, which must not read the rest of A's.
    const chats = [
      { tenantId: p.tenantId, waId, conversationId: b.conversation_id, channelId: b.channel_id, replyId: b.reply_id, eventId: b.event_id, key: b.conversation_key },
      { tenantId: a.tenantId, waId: aChat.external_id, conversationId: aChat.conversation_id, channelId: aChat.channel_id, replyId: aChat.reply_id, eventId: aChat.event_id, key: aChat.conversation_key },
    ];
    const statements: Statement[] = [];
    for (const chat of chats) {
      const seen = await statementsOf(knex, async (trx) => {
        const tx = forTenant(trx, chat.tenantId);
        await storeInbound(tx, {
          channelId: chat.channelId, contact: { externalId: chat.waId, phone: chat.waId, name: 'Ana' }, content: { type: 'text', text: 'de novo', replyId: null, media: null },
          providerMessageId: `wamid.probe.${chat.tenantId}`, at: new Date().toISOString(),
        });
        await receivedEvents(tx, chat.key);
        await finishDrain(tx, chat.key, [chat.eventId], [{
          tenantId: chat.tenantId, conversationId: chat.conversationId, channelId: chat.channelId, recipient: { externalId: chat.waId, phone: chat.waId },
          messages: [{ id: chat.replyId, payload: { text: 'olá', buttons: [], list: null, media: null, typingDelayMs: 0 } }], claimed: [],
        }]);
        await markSent(trx, chat.tenantId, chat.conversationId, chat.replyId, 'wamid.sent');
        await claimNext(trx, chat.tenantId, chat.conversationId);
      });
      expect(seen.flatMap((s) => s.name ?? []).sort()).toEqual(['drain_events', 'finish_drain', 'mark_sent', 'store_inbound']);
      expect(seen.length).toBeGreaterThan(5);
      statements.push(...seen);
    }
    // Each statement is planned as the first runs on a connection plan it (with the values) and as a
    // connection may keep it (without them): the widest scan is what would grow with A's rows.
    for (const s of statements) {
      for (const generic of s.name ? [false, true] : [false]) {
        const { widestScan, plan } = await pagesRead(url, s.sql, s.bindings, { generic });
        expect.soft(widestScan.pages, `${s.name ?? s.sql.slice(0, 80)}${generic ? ', generic' : ''}: ${widestScan.name}\n${JSON.stringify(plan)}`).toBeLessThan(20);
      }
    }
    // Later the statistics have caught up with A's history, and a backlog of waiting events arrives
    // that they have not seen (A's workers stopped): each drain still reads its own chat's events.
    await query(url, "DELETE FROM inbound_events WHERE tenant_id = $1 AND status = 'received'", [a.tenantId]);
    await query(url, 'ANALYZE');
    await query(url, `INSERT INTO inbound_events (tenant_id, channel_id, provider_event_id, kind, conversation_key, payload, status)
      SELECT $1, $2, 'wamid.later' || g, 'message', 'k' || (g % 20000), '{}', 'received' FROM generate_series(1, 20000) g`, [a.tenantId, a.channelId]);
    for (const s of statements.filter((x) => x.name === 'drain_events')) {
      for (const generic of [false, true]) {
        const { widestScan } = await pagesRead(url, s.sql, s.bindings, { generic });
        expect.soft(widestScan.pages, `drain_events after the backlog${generic ? ', generic' : ''}: ${widestScan.name}`).toBeLessThan(20);
      }
    }
    // The sweeper, across workspaces, still reads its own index of waiting events.
    const sweep = (strandedInbound(knex) as unknown as Knex.QueryBuilder).toSQL().toNative();
    expect((await pagesRead(url, sweep.sql, [...sweep.bindings])).widestScan.name).toBe('Index Scan on inbound_events_stranded_idx');
  }, 120_000);
});
