// Snoozing a chat that waits on the customer: it leaves the agent's lists until its time or until
// the customer writes, and the thread's history says so.
import { describe, expect, it } from 'vitest';
import type pg from 'pg';
import { edge, flow, keywordTrigger, node } from '../../test/flow-docs';
import { api } from '../../test/harness';
import { textMessage } from '../../test/fakes/whatsapp-payloads';
import { eventually, otherWorkspace, pipelineForFile, type Pipeline } from '../../test/pipeline';

let p: Pipeline;
let db: pg.Client;
let me: string;

pipelineForFile(async (started) => {
  ({ pipeline: p, db } = started);
  me = (await api(p.app, 'GET', '/v1/me', undefined, p.token)).body.user.id;
  await p.publish(flow([keywordTrigger('oi'), node('hi', 'message', { text: 'olá' })], [edge('start', 'next', 'hi')]), 'Oi');
});

const call = (method: string, path: string, body?: unknown, token = p.token) => api(p.app, method, path, body, token);
const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

/** A customer's chat, taken by the workspace's owner. */
async function heldChat(waId: string): Promise<string> {
  await p.wa.inbound({ waId }, textMessage('oi'));
  const id = await eventually(async () => {
    const { rows } = await db.query("SELECT cv.id FROM conversations cv JOIN contacts ct ON ct.id = cv.contact_id WHERE ct.phone = $1 AND cv.status <> 'closed'", [waId]);
    return rows[0]?.id as string | undefined;
  });
  expect((await call('POST', `/v1/conversations/${id}/assign`, { assigneeId: me })).status).toBe(200);
  return id;
}

const mine = async (extra = '') => (await call('GET', `/v1/conversations?assigneeId=me&open=true${extra}`)).body.items.map((c: any) => c.id) as string[];

describe('snooze', () => {
  it('when an agent snoozes a chat, then it leaves Mine for the snoozed list until its time, and the history says until when', async () => {
    const id = await heldChat('5511700000001');
    const until = inHours(20);
    const res = await call('POST', `/v1/conversations/${id}/snooze`, { until });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, status: 'human', assigneeId: me, snoozedUntil: until });
    expect((await call('GET', `/v1/conversations/${id}`)).body.snoozedUntil).toBe(until);
    expect(await mine()).not.toContain(id);
    const snoozed = (await call('GET', '/v1/conversations?assigneeId=me&open=true&snoozed=true')).body.items;
    expect(snoozed.map((c: any) => [c.id, c.snoozedUntil])).toEqual([[id, until]]);
    expect((await call('GET', '/v1/conversations/counts')).body).toMatchObject({ mine: 0, snoozed: 1 });
    // A search still finds it.
    expect((await call('GET', '/v1/conversations?q=5511700000001')).body.items.map((c: any) => c.id)).toContain(id);
    const lines = (await call('GET', `/v1/conversations/${id}/activity`)).body.items;
    expect(lines.at(-1)).toMatchObject({ type: 'snoozed', until, by: { id: me } });

    // Its time passes (no job wakes it: a time in the past is no snooze).
    await db.query("UPDATE conversations SET snoozed_until = now() - interval '1 minute' WHERE id = $1", [id]);
    expect(await mine()).toContain(id);
    expect((await call('GET', `/v1/conversations/${id}`)).body.snoozedUntil).toBeNull();
    expect((await call('GET', '/v1/conversations?snoozed=true')).body.items).toEqual([]);
  });

  it('when the agent reactivates it, then it is back in Mine at once and the history says who', async () => {
    const id = await heldChat('5511700000002');
    await call('POST', `/v1/conversations/${id}/snooze`, { until: inHours(2) });
    const start = (await call('GET', '/v1/events')).body.nextAfter;
    const res = await call('POST', `/v1/conversations/${id}/unsnooze`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, status: 'human', snoozedUntil: null });
    expect(await mine()).toContain(id);
    const events = (await call('GET', `/v1/events?after=${start}`)).body.items;
    expect(events.find((e: any) => e.type === 'conversation.updated')).toMatchObject({ conversationId: id, snooze: 'unsnoozed', by: me });
    expect((await call('GET', `/v1/conversations/${id}/activity`)).body.items.at(-1)).toMatchObject({ type: 'unsnoozed', by: { id: me } });
  });

  it('when the customer writes, then the snooze ends through the inbound pipeline and the history says the customer wrote', async () => {
    const id = await heldChat('5511700000003');
    await call('POST', `/v1/conversations/${id}/snooze`, { until: inHours(30) });
    expect(await mine()).not.toContain(id);
    await p.wa.inbound({ waId: '5511700000003' }, textMessage('segue o comprovante'));
    await eventually(async () => (await mine()).includes(id));
    const chat = (await call('GET', `/v1/conversations/${id}`)).body;
    expect(chat).toMatchObject({ status: 'human', assigneeId: me, snoozedUntil: null });
    expect((await call('GET', `/v1/conversations/${id}/activity`)).body.items.at(-1)).toMatchObject({ type: 'snooze_ended', by: null });
  });

  it('when a message already stored is handled again (redelivered after its inbound event was purged or lost), then the snooze stays', async () => {
    const id = await heldChat('5511700000009');
    const receipt = { ...textMessage('segue o comprovante'), id: 'wamid.SNOOZE-REDELIVERED-1' };
    await p.wa.inbound({ waId: '5511700000009' }, receipt);
    const stored = () => db.query('SELECT id FROM messages WHERE provider_message_id = $1', [receipt.id]).then((r) => r.rows.length);
    await eventually(async () => (await stored()) === 1);
    const until = inHours(6);
    await call('POST', `/v1/conversations/${id}/snooze`, { until });
    // WhatsApp sends it again days later, once retention dropped its inbound event (or a crash lost the mark).
    await db.query('DELETE FROM inbound_events WHERE provider_event_id = $1', [receipt.id]);
    await p.wa.inbound({ waId: '5511700000009' }, receipt);
    await eventually(async () => (await db.query('SELECT status FROM inbound_events WHERE provider_event_id = $1', [receipt.id])).rows[0]?.status === 'processed');
    expect(await stored()).toBe(1);
    expect((await call('GET', `/v1/conversations/${id}`)).body).toMatchObject({ status: 'human', assigneeId: me, snoozedUntil: until });
    expect(await mine()).not.toContain(id);
    expect((await call('GET', `/v1/conversations/${id}/activity`)).body.items.at(-1)).toMatchObject({ type: 'snoozed', until });
  });

  it('when the time is not in the future, is over 30 days ahead or is no date, then 400 with a code that says which', async () => {
    const id = await heldChat('5511700000004');
    const past = await call('POST', `/v1/conversations/${id}/snooze`, { until: inHours(-1) });
    expect([past.status, past.body.error.code]).toEqual([400, 'snooze_in_past']);
    const far = await call('POST', `/v1/conversations/${id}/snooze`, { until: inHours(31 * 24) });
    expect([far.status, far.body.error.code]).toEqual([400, 'snooze_too_far']);
    for (const until of ['amanhã', '2026-12-07', undefined]) {
      const bad = await call('POST', `/v1/conversations/${id}/snooze`, { until });
      expect([bad.status, bad.body.error.code], String(until)).toEqual([400, 'validation_failed']);
    }
    expect((await call('GET', `/v1/conversations/${id}`)).body.snoozedUntil).toBeNull();
  });

  it('when the chat is closed or with the bot, then 409 not_snoozable; closing a snoozed chat ends its snooze', async () => {
    const id = await heldChat('5511700000005');
    await call('POST', `/v1/conversations/${id}/snooze`, { until: inHours(5) });
    await call('POST', `/v1/conversations/${id}/close`);
    const { rows } = await db.query('SELECT snoozed_until FROM conversations WHERE id = $1', [id]);
    expect(rows[0].snoozed_until).toBeNull();
    for (const action of ['snooze', 'unsnooze']) {
      const closed = await call('POST', `/v1/conversations/${id}/${action}`, { until: inHours(5) });
      expect([closed.status, closed.body.error.code, closed.body.error.status], action).toEqual([409, 'not_snoozable', 'closed']);
    }
    await p.wa.inbound({ waId: '5511700000006' }, textMessage('oi'));
    const bot = await eventually(async () => (await call('GET', '/v1/conversations?status=bot')).body.items.find((c: any) => c.contact.phone === '5511700000006'));
    const refused = await call('POST', `/v1/conversations/${bot.id}/snooze`, { until: inHours(5) });
    expect([refused.status, refused.body.error.code]).toEqual([409, 'not_snoozable']);
  });

  it("when another workspace names a chat, then 404 both ways and nothing changes", async () => {
    const ours = await heldChat('5511700000007');
    const other = await otherWorkspace(p, 'Outra loja', 'PNID-SNOOZE-2');
    await other.inbound('5511700000008', 'oi');
    const theirs = await eventually(async () => (await api(p.app, 'GET', '/v1/conversations', undefined, other.token)).body.items[0]?.id as string | undefined);
    await api(p.app, 'POST', `/v1/conversations/${theirs}/assign`, { assigneeId: (await api(p.app, 'GET', '/v1/me', undefined, other.token)).body.user.id }, other.token);
    for (const action of ['snooze', 'unsnooze']) {
      expect((await api(p.app, 'POST', `/v1/conversations/${ours}/${action}`, { until: inHours(3) }, other.token)).status, action).toBe(404);
      expect((await call('POST', `/v1/conversations/${theirs}/${action}`, { until: inHours(3) })).status, action).toBe(404);
    }
    const { rows } = await db.query('SELECT snoozed_until FROM conversations WHERE id = ANY($1)', [[ours, theirs]]);
    expect(rows.map((r) => r.snoozed_until)).toEqual([null, null]);
  });
});
