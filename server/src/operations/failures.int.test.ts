// The dead-letter API against real PostgreSQL and Redis: a failed send is listed with its reason
// and retried; agents and other workspaces cannot see or retry it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { edge, flow, keywordTrigger, node } from '../../test/flow-docs';
import { api, signupWorkspace } from '../../test/harness';
import { textMessage } from '../../test/fakes/whatsapp-payloads';
import { eventually, sentTexts, startPipeline, type Pipeline } from '../../test/pipeline';

let p: Pipeline;
let db: pg.Client;

beforeAll(async () => {
  p = await startPipeline();
  db = new pg.Client({ connectionString: p.app.config.DATABASE_URL });
  await db.connect();
  await p.publish(flow([keywordTrigger('oi'), node('hello', 'message', { text: 'Olá!' })], [edge('start', 'next', 'hello')]), 'Oi');
});
afterAll(async () => {
  await db?.end();
  await p?.close();
});

describe('dead letters', () => {
  it('when a send failed permanently, then an owner sees it with the reason and a retry sends it', async () => {
    const waId = '5511966660001';
    p.wa.failNext({ httpStatus: 400, code: 131026, details: 'Message undeliverable' });
    await p.wa.inbound({ waId }, textMessage('oi'));
    const failed = await eventually(async () => {
      const res = await api(p.app, 'GET', '/v1/operations/failures', undefined, p.token);
      return res.body.messages?.find((m: { text: string }) => m.text === 'Olá!');
    });
    expect(failed.error).toContain('131026');
    expect(sentTexts(p.wa, waId)).toEqual([]);

    const other = await signupWorkspace(p.app, 'Outra');
    expect((await api(p.app, 'GET', '/v1/operations/failures', undefined, other.token)).body.messages).toEqual([]);
    expect((await api(p.app, 'POST', `/v1/operations/failures/messages/${failed.id}/retry`, {}, other.token)).status).toBe(404);

    expect((await api(p.app, 'POST', `/v1/operations/failures/messages/${failed.id}/retry`, {}, p.token)).status).toBe(202);
    await eventually(() => sentTexts(p.wa, waId).length === 1);
    expect(sentTexts(p.wa, waId)).toEqual(['Olá!']);
    // Retried once: a second retry finds nothing failed.
    expect((await api(p.app, 'POST', `/v1/operations/failures/messages/${failed.id}/retry`, {}, p.token)).status).toBe(404);
  });

  it('when an event whose message is already stored is retried, then nothing is answered twice', async () => {
    const waId = '5511966660002';
    const { id: wamid } = await p.wa.inbound({ waId }, textMessage('oi'));
    await eventually(() => sentTexts(p.wa, waId).length === 1);
    const { rows: [row] } = await db.query(
      "UPDATE inbound_events SET status = 'failed', error = 'handler_failed: test' WHERE tenant_id = $1 AND provider_event_id = $2 RETURNING id",
      [p.tenantId, wamid]);
    expect((await api(p.app, 'POST', `/v1/operations/failures/events/${row.id}/retry`, {}, p.token)).status).toBe(202);
    await eventually(async () => (await db.query('SELECT status FROM inbound_events WHERE id = $1', [row.id])).rows[0].status === 'processed');
    await new Promise((r) => setTimeout(r, 500));
    expect(sentTexts(p.wa, waId)).toEqual(['Olá!']);
  });

  it('when the id is not an id, then 404 and never 500', async () => {
    for (const id of ['abc', '0', '1e9', "1' OR 1=1", '99999999999999999999'])
      expect((await api(p.app, 'POST', `/v1/operations/failures/events/${encodeURIComponent(id)}/retry`, {}, p.token)).status).toBe(404);
    expect((await api(p.app, 'POST', '/v1/operations/failures/messages/not-a-uuid/retry', {}, p.token)).status).toBe(404);
  });

  it('when no one is signed in, then 401', async () => {
    expect((await api(p.app, 'GET', '/v1/operations/failures')).status).toBe(401);
  });
});
