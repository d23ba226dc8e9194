// The message pipeline end to end against real PostgreSQL and Redis, with Meta's Graph API and the
// LLM replaced by local fakes that speak their wire formats.
import { describe, expect, it } from 'vitest';
import type pg from 'pg';
import { echoFlow, edge, flow, keywordTrigger, node } from '../../test/flow-docs';
import { query } from '../../test/db';
import { api } from '../../test/harness';
import { signMeta, textMessage } from '../../test/fakes/whatsapp-payloads';
import { APP_SECRET, eventually, pipelineForFile, sentTexts, startPipeline, type Pipeline } from '../../test/pipeline';

let p: Pipeline;
let db: pg.Client;

pipelineForFile(async (started) => {
  ({ pipeline: p, db } = started);
  await p.publish(
    flow(
      [keywordTrigger('oi'), node('hello', 'message', { text: 'Olá {{contact.name | "cliente"}}!' })],
      [edge('start', 'next', 'hello')],
    ),
    'Boas-vindas',
  );
});

const count = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params)).rows[0].n);

describe('inbound pipeline', () => {
  it('when the same webhook is delivered 3 times, then one message is stored and one reply sent', async () => {
    const contact = { waId: '5511900000001', name: 'Ana' };
    const first = await p.wa.inbound(contact, textMessage('oi'));
    expect(first.status).toBe(200);
    for (let i = 0; i < 2; i++) expect(await p.wa.postRaw(first.raw, signMeta(first.raw, APP_SECRET))).toBe(200);
    await eventually(() => sentTexts(p.wa, contact.waId).length === 1);
    await new Promise((r) => setTimeout(r, 500));
    expect(sentTexts(p.wa, contact.waId)).toEqual(['Olá Ana!']);
    expect(await count('SELECT count(*) AS n FROM messages WHERE provider_message_id = $1', [first.id])).toBe(1);
    expect(await count('SELECT count(*) AS n FROM inbound_events WHERE provider_event_id = $1', [first.id])).toBe(1);
  });

  it('when a known customer writes again, then their contact is rewritten only when the message tells something new', async () => {
    const waId = '5511900000002';
    const contactRow = async () => (await db.query(
      'SELECT xmin::text AS version, name FROM contacts WHERE tenant_id = $1 AND external_id = $2', [p.tenantId, waId])).rows[0] as { version: string; name: string };
    await p.wa.inbound({ waId, name: 'Bia' }, textMessage('oi'));
    await eventually(() => sentTexts(p.wa, waId).length === 1);
    const first = await contactRow();
    await p.wa.inbound({ waId, name: 'Bia' }, textMessage('oi'));
    await eventually(() => sentTexts(p.wa, waId).length === 2);
    expect(await contactRow()).toEqual(first);
    // A new profile name is news: the row changes, and the bot greets the new name.
    await p.wa.inbound({ waId, name: 'Beatriz' }, textMessage('oi'));
    await eventually(() => sentTexts(p.wa, waId).length === 3);
    expect(sentTexts(p.wa, waId)).toEqual(['Olá Bia!', 'Olá Bia!', 'Olá Beatriz!']);
    expect(await contactRow()).toEqual({ version: expect.not.stringMatching(`^${first.version}$`), name: 'Beatriz' });
  });

  it('when the signature is wrong, then 401 and nothing is stored', async () => {
    const before = await count('SELECT count(*) AS n FROM inbound_events');
    const res = await p.wa.inbound({ waId: '5511900000002' }, textMessage('oi'), { secret: 'not-the-secret' });
    expect(res.status).toBe(401);
    expect(await count('SELECT count(*) AS n FROM inbound_events')).toBe(before);
  });

  it('when Meta does the GET handshake, then the challenge is echoed only for the right verify token', async () => {
    const url = `${p.app.url}/v1/webhooks/whatsapp/${p.channelId}?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=`;
    const ok = await fetch(`${url}verify-me`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('1158201444');
    expect((await fetch(`${url}wrong`)).status).toBe(403);
  });

  it('when the handshake carries a multibyte verify token, then 403 and never 500', async () => {
    // Same length in characters as 'verify-me', one byte longer in UTF-8.
    const url = `${p.app.url}/v1/webhooks/whatsapp/${p.channelId}?hub.mode=subscribe&hub.challenge=1&hub.verify_token=`;
    expect((await fetch(`${url}${encodeURIComponent('verify-mé')}`)).status).toBe(403);
    expect((await fetch(`${url}${encodeURIComponent('🔑')}`)).status).toBe(403);
  });

  it('when a message is answered, then the run log lists the nodes it ran', async () => {
    const contact = { waId: '5511900000003', name: 'Bia' };
    await p.wa.inbound(contact, textMessage('Oi'));
    await eventually(() => sentTexts(p.wa, contact.waId).length === 1);
    const list = await api(p.app, 'GET', '/v1/conversations', undefined, p.token);
    const conv = list.body.items.find((c: any) => c.contact.phone === contact.waId);
    const log = await api(p.app, 'GET', `/v1/conversations/${conv.id}/runlog`, undefined, p.token);
    expect(log.status).toBe(200);
    expect(log.body.items.map((i: any) => i.nodeId)).toEqual(expect.arrayContaining(['start', 'hello']));
    expect(log.body.items[0]).toMatchObject({ nodeType: 'trigger' });
  });

  it('when delivery statuses arrive, then the message moves forward and never back', async () => {
    const contact = { waId: '5511900000004' };
    await p.wa.inbound(contact, textMessage('oi'));
    const [send] = await eventually(async () => {
      const s = p.wa.sends.filter((x) => x.body.to === contact.waId);
      return s.length ? s : null;
    });
    const statusOf = async () => (await db.query('SELECT status FROM messages WHERE provider_message_id = $1', [send!.id])).rows[0]?.status;
    await eventually(async () => (await statusOf()) === 'sent');
    expect(await p.wa.status(send!.id, 'read', contact.waId)).toBe(200);
    await eventually(async () => (await statusOf()) === 'read');
    expect(await p.wa.status(send!.id, 'delivered', contact.waId)).toBe(200);
    await new Promise((r) => setTimeout(r, 400));
    expect(await statusOf()).toBe('read');
  });
});

describe('ordering and scale', () => {
  it('when 20 messages arrive in a burst for one conversation, then they are processed and answered in order', async () => {
    const own = await startPipeline();
    try {
      await own.publish(echoFlow(), 'Eco');
      const contact = { waId: '5511911111111' };
      const statuses = await Promise.all(Array.from({ length: 21 }, (_, i) => own.wa.inbound(contact, textMessage(i === 0 ? 'começar' : `msg ${i}`)).then((r) => r.status)));
      expect(statuses.every((s) => s === 200)).toBe(true);
      await eventually(() => own.wa.sends.length >= 20, 30_000);
      const texts = sentTexts(own.wa, contact.waId);
      // Concurrent POSTs have no defined arrival order; what must hold is that replies follow the stored order.
      const rows = await query(own.app.config.DATABASE_URL, "SELECT text FROM messages WHERE direction = 'in' ORDER BY created_at, id");
      const expected = rows.map((r) => r.text).slice(1).map((t) => `recebi: ${t}`);
      expect(texts).toEqual(expected);
      expect(texts).toHaveLength(20);
    } finally {
      await own.close();
    }
  });

  it('when messages arrive one after another, then replies keep their order exactly', async () => {
    const own = await startPipeline();
    try {
      await own.publish(echoFlow(), 'Eco');
      const contact = { waId: '5511922222222' };
      for (let i = 0; i <= 20; i++) await own.wa.inbound(contact, textMessage(`m${i}`));
      await eventually(() => own.wa.sends.length >= 20, 30_000);
      expect(sentTexts(own.wa, contact.waId)).toEqual(Array.from({ length: 20 }, (_, i) => `recebi: m${i + 1}`));
    } finally {
      await own.close();
    }
  });

  it('when 200 conversations write at once, then every one is answered exactly once', async () => {
    const contacts = Array.from({ length: 200 }, (_, i) => ({ waId: `55119333${String(i).padStart(5, '0')}` }));
    const before = p.wa.sends.length;
    const statuses = await Promise.all(contacts.map((c) => p.wa.inbound(c, textMessage('oi')).then((r) => r.status)));
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    await eventually(() => p.wa.sends.length - before >= 200, 60_000);
    await new Promise((r) => setTimeout(r, 500));
    const to = p.wa.sends.slice(before).map((s) => s.body.to);
    expect(new Set(to).size).toBe(200);
    expect(to).toHaveLength(200);
  });
});
