// Signed provider payloads with one unusable or oddly encoded item: the answer is 200, every other
// item of the batch is stored once, text is cleaned rather than refused, and what could not be used
// is listed for the workspace.
import { describe, expect, it } from 'vitest';
import type pg from 'pg';
import { api, signupWorkspace } from '../../test/harness';
import * as E from '../../test/fakes/evolution-payloads';
import { envelope, metaJson, signMeta, wamid } from '../../test/fakes/whatsapp-payloads';
import { phoneNumberIdFor } from '../../test/fakes/fake-whatsapp';
import { APP_SECRET, eventually, pipelineForFile, type Pipeline } from '../../test/pipeline';

const EVO_TOKEN = 'zyntra-webhook-token-123';
let p: Pipeline;
let db: pg.Client;
let evolutionId: string;

pipelineForFile(async (started) => {
  ({ pipeline: p, db } = started);
  const evo = await api(p.app, 'POST', '/v1/channels', {
    type: 'evolution', name: 'Evo', config: { baseUrl: 'http://127.0.0.1:1', instance: 'loja1', apiKey: 'k', webhookToken: EVO_TOKEN },
  }, p.token);
  evolutionId = evo.body.id;
});

const now = () => String(Math.floor(Date.now() / 1000));
const text = (from: string, body: string, extra: Record<string, unknown> = {}) => ({ from, id: wamid(), timestamp: now(), type: 'text', text: { body }, ...extra });

async function postMeta(messages: unknown[], statuses: unknown[] = []) {
  const raw = metaJson(envelope(phoneNumberIdFor, { contacts: [{ profile: { name: 'Cliente' }, wa_id: '5511955550000' }], messages, statuses }));
  return p.wa.postRaw(raw, signMeta(raw, APP_SECRET));
}
const postEvolution = async (body: unknown) =>
  (await fetch(`${p.app.url}/v1/webhooks/evolution/${evolutionId}`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-zyntra-token': EVO_TOKEN }, body: JSON.stringify(body),
  })).status;

const storedText = (providerId: string) =>
  eventually(async () => (await db.query('SELECT text, created_at FROM messages WHERE provider_message_id = $1', [providerId])).rows[0]);
const eventCount = async (providerId: string) =>
  Number((await db.query('SELECT count(*) AS n FROM inbound_events WHERE provider_event_id = $1', [providerId])).rows[0].n);

describe('WhatsApp Cloud webhook with malformed items', () => {
  it('when one message has an impossible timestamp, then 200, both are stored and the bad one carries the receipt time', async () => {
    const bad = text('5511955550001', 'data estranha', { timestamp: '99999999999999' });
    const good = text('5511955550001', 'irmã bem formada');
    for (let i = 0; i < 2; i++) expect(await postMeta([bad, good])).toBe(200);
    expect((await storedText(good.id)).text).toBe('irmã bem formada');
    const row = await storedText(bad.id);
    expect(Math.abs(new Date(row.created_at).getTime() - Date.now())).toBeLessThan(60_000);
    expect(await eventCount(good.id)).toBe(1);
  });

  it('when text carries NUL or a lone surrogate, then 200 and the text is stored cleaned', async () => {
    const nul = text('5511955550002', 'a\u0000b');
    const lone = text('5511955550002', 'x\ud800y');
    const good = text('5511955550002', 'ok 😀');
    for (let i = 0; i < 2; i++) expect(await postMeta([nul, lone, good])).toBe(200);
    expect((await storedText(nul.id)).text).toBe('ab');
    expect((await storedText(lone.id)).text).toBe('x\ufffdy');
    expect((await storedText(good.id)).text).toBe('ok 😀');
  });

  it('when a message id is unusable, then its siblings are stored and the workspace sees the rejection with its reason', async () => {
    const good = text('5511955550003', 'fica');
    const badIds = [{ ...text('5511955550003', 'id nulo'), id: 'wamid.\u0000x' }, { ...text('5511955550003', 'id enorme'), id: `wamid.${'A'.repeat(5000)}` }];
    for (let i = 0; i < 2; i++) expect(await postMeta([...badIds, good], [{ id: 'wamid.s', status: 'read', timestamp: '99999999999999' }])).toBe(200);
    expect((await storedText(good.id)).text).toBe('fica');
    const list = await api(p.app, 'GET', `/v1/channels/${p.channelId}/rejected-events`, undefined, p.token);
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(2);
    expect(list.body.items[0]).toMatchObject({ reason: expect.stringMatching(/id/i), times: 2 });
    expect(JSON.stringify(list.body)).not.toContain('\\u0000');
    const other = await signupWorkspace(p.app);
    expect((await api(p.app, 'GET', `/v1/channels/${p.channelId}/rejected-events`, undefined, other.token)).status).toBe(404);
  });
});

describe('Evolution webhook with malformed items', () => {
  const idOf = (body: { data: unknown }) => (body.data as { key: { id: string } }).key.id;
  const upsert = (number: string, message: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    E.envelope('messages.upsert', 'loja1', { ...E.messageRecord({ remoteJid: E.jidOf(number), fromMe: false, message }), ...extra });

  it('when the timestamp is impossible or the text carries NUL and lone surrogates, then 200 and the message is stored cleaned', async () => {
    const huge = upsert('5511966660001', E.text('hora errada'), { messageTimestamp: 99999999999999 });
    const dirty = upsert('5511966660001', E.text('a\u0000b\udc00'), { pushName: 'Ana\u0000' });
    const echo = E.envelope('messages.upsert', 'loja1', E.messageRecord({ remoteJid: E.jidOf('5511966660001'), fromMe: true, message: E.text('eco\ud800') }));
    for (const body of [huge, dirty, echo, huge, dirty, echo]) expect(await postEvolution(body)).toBe(200);
    expect((await storedText(idOf(huge))).text).toBe('hora errada');
    expect((await storedText(idOf(dirty))).text).toBe('ab\ufffd');
    expect((await storedText(idOf(echo))).text).toBe('eco\ufffd');
    expect(await eventCount(idOf(dirty))).toBe(1);
  });
});

describe('web-chat visitor API', () => {
  it('when text carries NUL or a lone surrogate, then 400, never 500', async () => {
    const channel = await api(p.app, 'POST', '/v1/channels', { type: 'webchat', name: 'Site' }, p.token);
    const session = await api(p.app, 'POST', `/v1/webchat/${channel.body.id}/sessions`, {});
    for (const bad of ['a\u0000b', 'x\ud800', '\udfffy']) {
      const res = await api(p.app, 'POST', `/v1/webchat/${channel.body.id}/messages`, { text: bad }, session.body.visitorToken);
      expect(res.status).toBe(400);
    }
    const ok = await api(p.app, 'POST', `/v1/webchat/${channel.body.id}/messages`, { text: 'olá 😀' }, session.body.visitorToken);
    expect(ok.status).toBe(202);
  });
});
