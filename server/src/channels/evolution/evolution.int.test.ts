// The Evolution API channel end to end against real PostgreSQL and Redis: a channel created through
// the API, webhooks from a local fake Evolution server, and the bot's replies sent back to it.
import { describe, expect, it } from 'vitest';
import type pg from 'pg';
import { edge, flow, keywordTrigger, node } from '../../../test/flow-docs';
import { api, type TestApp } from '../../../test/harness';
import { eventually } from '../../../test/pipeline';
import * as P from '../../../test/fakes/evolution-payloads';
import type { FakeEvolution } from '../../../test/fakes/fake-evolution';
import { EVOLUTION_API_KEY as API_KEY, evolutionChannelForFile } from '../../../test/evolution-channel';

let app: TestApp;
let evo: FakeEvolution;
let db: pg.Client;
let owner: { token: string; channelId: string };
let webhookUrl = '';

evolutionChannelForFile(async (started) => {
  ({ app, evo, db, webhookUrl } = started);
  expect(started.created.body.webhookUrl).toMatch(new RegExp(`/v1/webhooks/evolution/${started.channelId}$`));
  owner = { token: started.token, channelId: started.channelId };
  const created = await api(app, 'POST', '/v1/flows', {
    name: 'Boas-vindas',
    document: flow([keywordTrigger('oi'), node('hello', 'message', { text: 'Olá {{contact.name | "cliente"}}!' })], [edge('start', 'next', 'hello')]),
  }, owner.token);
  const published = await api(app, 'POST', `/v1/flows/${created.body.id}/publish`, {}, owner.token);
  if (published.status !== 201) throw new Error(`publish: ${published.status}`);
});

const one = async (sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows[0];
const count = async (sql: string, params: unknown[] = []) => Number((await one(sql, params)).n);
const sendsTo = (number: string) => evo.sends.filter((s) => s.body.number === number);
const firstSendTo = (number: string) => eventually(() => sendsTo(number)[0]);
const quietFor = (ms: number) => new Promise((r) => setTimeout(r, ms));
const conversationOf = (number: string) =>
  one('SELECT c.id, c.status FROM conversations c JOIN contacts ct ON ct.id = c.contact_id WHERE ct.external_id = $1', [number]);
const messageStatus = async (providerId: string) => (await one('SELECT status FROM messages WHERE provider_message_id = $1', [providerId]))?.status;

describe('Evolution API channel', () => {
  it('when a customer writes, then the bot reply reaches Evolution with the apikey header', async () => {
    const number = '5511900000001';
    expect((await evo.customer(number, P.text('oi'), { name: 'Ana' })).status).toBe(200);
    const send = await firstSendTo(number);
    expect(send).toMatchObject({ instance: 'loja1', endpoint: 'sendText', apikey: API_KEY, body: { number, text: 'Olá Ana!' } });
    await eventually(async () => (await messageStatus(send.id)) === 'sent');
    // Evolution reports the API send back as send.message: it must not look like a phone reply.
    await quietFor(500);
    expect(await count('SELECT count(*) AS n FROM inbound_events WHERE provider_event_id = $1', [send.id])).toBe(0);
    expect((await conversationOf(number)).status).toBe('bot');
  });

  it('when Evolution authenticates with a jwt_key JWT, then the webhook is accepted and answered', async () => {
    const number = '5511900000002';
    expect((await evo.customer(number, P.text('oi'), { auth: { mode: 'jwt' } })).status).toBe(200);
    expect((await firstSendTo(number)).body.text).toBe('Olá Cliente!');
  });

  it('when the same upsert is delivered 3 times, then it is stored and answered once', async () => {
    const number = '5511900000003';
    const first = await evo.customer(number, P.text('oi'));
    for (let i = 0; i < 2; i++) expect(await evo.postRaw(first.raw, { mode: 'header' })).toBe(200);
    await firstSendTo(number);
    await quietFor(500);
    expect(sendsTo(number)).toHaveLength(1);
    expect(await count('SELECT count(*) AS n FROM messages WHERE provider_message_id = $1', [first.id])).toBe(1);
    expect(await count('SELECT count(*) AS n FROM inbound_events WHERE provider_event_id = $1', [first.id])).toBe(1);
  });

  it('when the business replies from the phone (fromMe), then the bot pauses and stays quiet', async () => {
    const number = '5511900000004';
    await evo.customer(number, P.text('oi'));
    await firstSendTo(number);
    // "oi" matches the flow's trigger: had the echo run the flow, the bot would answer it.
    const reply = await evo.phoneReply(number, 'oi');
    expect(reply.status).toBe(200);
    await eventually(async () => (await conversationOf(number))?.status === 'human');
    expect(await one('SELECT direction, author, text FROM messages WHERE provider_message_id = $1', [reply.id])).toEqual({ direction: 'out', author: 'agent', text: 'oi' });
    // The phone reply is the team's own message: the customer's one "oi" stays the only unread one.
    expect(await one('SELECT c.unread_count FROM conversations c JOIN contacts ct ON ct.id = c.contact_id WHERE ct.external_id = $1', [number])).toEqual({ unread_count: 1 });

    await evo.customer(number, P.text('oi'));
    const conv = await conversationOf(number);
    await eventually(async () => (await count("SELECT count(*) AS n FROM messages WHERE conversation_id = $1 AND direction = 'in'", [conv.id])) === 2);
    await quietFor(500);
    expect(sendsTo(number)).toHaveLength(1);
    expect((await conversationOf(number)).status).toBe('human');
  });

  it('when the token is wrong or missing, then 401 and nothing is stored', async () => {
    const before = await count('SELECT count(*) AS n FROM inbound_events');
    const wrong = 'not-the-webhook-token';
    expect((await evo.customer('5511900000005', P.text('oi'), { auth: { mode: 'header', token: wrong } })).status).toBe(401);
    expect((await evo.customer('5511900000005', P.text('oi'), { auth: { mode: 'jwt', token: wrong } })).status).toBe(401);
    expect((await evo.customer('5511900000005', P.text('oi'), { auth: { mode: 'none' } })).status).toBe(401);
    const res = await fetch(webhookUrl, { method: 'POST', headers: { 'x-zyntra-token': wrong, 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(401);
    expect(((await res.json()) as any).error.code).toBe('invalid_signature');
    expect(await count('SELECT count(*) AS n FROM inbound_events')).toBe(before);
  });

  it('when messages.update reports delivery and reading, then the message moves forward and never back', async () => {
    const number = '5511900000006';
    await evo.customer(number, P.text('oi'));
    const send = await firstSendTo(number);
    await eventually(async () => (await messageStatus(send.id)) === 'sent');
    expect(await evo.status(send.id, 'DELIVERY_ACK', number)).toBe(200);
    await eventually(async () => (await messageStatus(send.id)) === 'delivered');
    expect(await evo.status(send.id, 'READ', number)).toBe(200);
    await eventually(async () => (await messageStatus(send.id)) === 'read');
    expect(await evo.status(send.id, 'SERVER_ACK', number)).toBe(200);
    await quietFor(400);
    expect(await messageStatus(send.id)).toBe('read');
  });

  it('when Evolution answers 400 (number not on WhatsApp), then the message fails with the reason', async () => {
    const number = '5511900000007';
    evo.failNext('not_on_whatsapp');
    await evo.customer(number, P.text('oi'));
    const row = await eventually<{ status: string; error: string }>(async () => {
      const r = await one("SELECT m.status, m.error FROM messages m JOIN conversations c ON c.id = m.conversation_id JOIN contacts ct ON ct.id = c.contact_id WHERE ct.external_id = $1 AND m.direction = 'out'", [number]);
      return r?.status === 'failed' ? r : null;
    });
    expect(row.error).toBe(`not_on_whatsapp: The number ${number} is not on WhatsApp`);
    expect(sendsTo(number)).toHaveLength(0);
  });

  it('when Evolution answers 500 once, then the send is retried and goes out', async () => {
    const number = '5511900000008';
    evo.failNext('server_error');
    await evo.customer(number, P.text('oi'));
    const send = await firstSendTo(number);
    await eventually(async () => (await messageStatus(send.id)) === 'sent');
    expect(await one('SELECT attempts, error FROM messages WHERE provider_message_id = $1', [send.id])).toEqual({ attempts: 2, error: null });
  });

  it('when an event belongs to another instance on the same server, then it is acknowledged and ignored', async () => {
    const before = await count('SELECT count(*) AS n FROM inbound_events');
    const record = P.messageRecord({ remoteJid: P.jidOf('5511900000009'), fromMe: false, message: P.text('oi') });
    expect((await evo.emit('messages.upsert', record, { instance: 'outra-loja' })).status).toBe(200);
    expect(await count('SELECT count(*) AS n FROM inbound_events')).toBe(before);
  });

  it('when reactions, edits, deletions, locations and contact cards arrive twice, then each is stored once with its content and the original changes', async () => {
    const number = '5511900000091';
    const twice = async (message: Record<string, unknown>) => {
      const first = await evo.customer(number, message, { name: 'Rita' });
      expect(first.status).toBe(200);
      expect(await evo.postRaw(first.raw, { mode: 'header' })).toBe(200);
      return first.id;
    };
    const row = (id: string) => one('SELECT type, text, payload, raw, edited_at, deleted_at FROM messages WHERE provider_message_id = $1', [id]);
    const target = await twice(P.text('Qual o preço?'));
    await eventually(() => row(target));
    const reaction = await twice({ reactionMessage: { key: { remoteJid: `${number}@s.whatsapp.net`, fromMe: false, id: target }, text: '👍' } });
    expect(await eventually(() => row(reaction))).toMatchObject({ type: 'reaction', text: "Reagiu com 👍 a 'Qual o preço?'" });
    await eventually(async () => (await row(target)).payload.reactions?.length === 1);
    const place = await twice({ locationMessage: { degreesLatitude: -23.56, degreesLongitude: -46.65, name: null, address: 'Av. Paulista, 1000' } });
    expect(await eventually(() => row(place))).toMatchObject({ type: 'location', text: 'Localização: Av. Paulista, 1000', raw: { key: { id: place } } });
    const card = await twice({ contactMessage: { displayName: 'Maria', vcard: 'BEGIN:VCARD\nFN:Maria\nTEL;waid=5511977776666:+55 11 97777-6666\nEND:VCARD' } });
    expect(await eventually(() => row(card))).toMatchObject({ type: 'contacts', text: 'Contato: Maria', payload: { contacts: [{ name: 'Maria', phones: [{ waId: '5511977776666' }] }] } });
    await twice({ editedMessage: { message: { protocolMessage: { key: { id: target }, type: 14, editedMessage: { conversation: 'Qual o valor?' } } } } });
    await eventually(async () => (await row(target)).edited_at);
    expect((await row(target)).text).toBe('Qual o valor?');
    await twice({ protocolMessage: { key: { id: target }, type: 0 } });
    await eventually(async () => (await row(target)).deleted_at);
    expect((await row(target)).text).toBe('Mensagem apagada');
    const conv = await conversationOf(number);
    expect(await count('SELECT count(*) AS n FROM messages WHERE conversation_id = $1', [conv.id])).toBe(4);
  });

  it('when Evolution posts edits on messages.edited (the bare protocol message), then the original changes, an unknown id adds nothing, and the bot neither answers nor pauses', async () => {
    const number = '5511900000092';
    const row = (id: string) => one('SELECT text, edited_at, payload FROM messages WHERE provider_message_id = $1', [id]);
    const edit = (id: string, text: string, fromMe = false) =>
      evo.emit('messages.edited', { key: { remoteJid: P.jidOf(number), fromMe, id }, type: 14, editedMessage: { conversation: text }, timestampMs: String(Date.now()) });
    const first = await evo.customer(number, P.text('oi'), { name: 'Bia' });
    const reply = await firstSendTo(number);
    await eventually(() => row(reply.id));
    expect((await edit(first.id, 'oi, quero 3 pizzas')).status).toBe(200);
    await eventually(async () => (await row(first.id)).edited_at);
    expect(await row(first.id)).toMatchObject({ text: 'oi, quero 3 pizzas', payload: { text: 'oi, quero 3 pizzas', edited: { previousText: 'oi' } } });
    // "oi" starts the flow: had an edit of an unknown message become a new inbound one, the bot would answer it.
    expect((await edit(P.keyId(), 'oi')).status).toBe(200);
    // The bot's reply edited on the business phone (fromMe): changed, and the bot stays on.
    expect((await edit(reply.id, 'Olá Bia! Já te atendo', true)).status).toBe(200);
    await eventually(async () => (await row(reply.id)).edited_at);
    expect((await row(reply.id)).text).toBe('Olá Bia! Já te atendo');
    await quietFor(500);
    const conv = await conversationOf(number);
    expect(conv.status).toBe('bot');
    expect(await count('SELECT count(*) AS n FROM messages WHERE conversation_id = $1', [conv.id])).toBe(2);
    expect(sendsTo(number)).toHaveLength(1);
  });

  it("when a menu's options go out numbered and the customer answers with a number, then the bot follows that option", async () => {
    const menu = node('menu', 'message', { text: 'Como posso ajudar?', buttons: [{ id: 'promo', title: 'Ver promoções' }, { id: 'hours', title: 'Horário' }] });
    const created = await api(app, 'POST', '/v1/flows', {
      name: 'Menu',
      document: flow([keywordTrigger('menu'), menu, node('promo', 'message', { text: 'Cupom ZYNTRA10' }), node('hours', 'message', { text: 'Das 9h às 18h' })],
        [edge('start', 'next', 'menu'), edge('menu', 'btn:promo', 'promo'), edge('menu', 'btn:hours', 'hours')]),
    }, owner.token);
    expect((await api(app, 'POST', `/v1/flows/${created.body.id}/publish`, {}, owner.token)).status).toBe(201);
    const number = '5511900000021';
    await evo.customer(number, P.text('menu'));
    expect((await firstSendTo(number)).body.text).toBe('Como posso ajudar?\n\n1. Ver promoções\n2. Horário');
    await evo.customer(number, P.text('2'));
    await eventually(() => sendsTo(number).length === 2);
    expect(sendsTo(number)[1]!.body.text).toBe('Das 9h às 18h');
  });
});

describe('writing first to a customer on a gateway number', () => {
  it('when an agent sends a text to a number never seen, then it goes out at once (a gateway has no 24-hour window) in a chat they hold', async () => {
    const res = await api(app, 'POST', '/v1/conversations', { channelId: owner.channelId, phone: '+55 11 97000-1234', text: 'Oi! Aqui é da Loja.' }, owner.token);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ created: true, message: { type: 'text', text: 'Oi! Aqui é da Loja.' } });
    const sent = await firstSendTo('5511970001234');
    expect(sent.body).toMatchObject({ number: '5511970001234', text: 'Oi! Aqui é da Loja.' });
    expect((await api(app, 'GET', `/v1/conversations/${res.body.conversationId}`, undefined, owner.token)).body).toMatchObject({ status: 'human' });
    // A template is the official API's: a gateway number has none.
    const template = await api(app, 'POST', '/v1/conversations', { channelId: owner.channelId, phone: '+55 11 97000-1234', template: { name: 'x', language: 'pt_BR' } }, owner.token);
    expect(template).toMatchObject({ status: 422, body: { error: { code: 'templates_unsupported' } } });
    await quietFor(300);
    expect(sendsTo('5511970001234')).toHaveLength(1);
  });

  it("when the agent answers the customer's message with Reply, then Evolution gets it quoted by its key and the thread shows the quote", async () => {
    const number = '5511970005678';
    const start = await api(app, 'POST', '/v1/conversations', { channelId: owner.channelId, phone: number, text: 'Seu pedido saiu.' }, owner.token);
    const asked = await evo.customer(number, P.text('Chega quando?'));
    const customerMessage = await eventually(() => one('SELECT id FROM messages WHERE provider_message_id = $1', [asked.id]));
    const res = await api(app, 'POST', `/v1/conversations/${start.body.conversationId}/messages`, { text: 'Amanhã cedo', replyTo: customerMessage.id }, owner.token);
    expect(res.status).toBe(201);
    expect(res.body.replyTo).toMatchObject({ id: customerMessage.id, author: 'contact', text: 'Chega quando?' });
    const sent = await eventually(() => sendsTo(number).find((x) => x.body.text === 'Amanhã cedo'));
    expect(sent.body).toEqual({ number, text: 'Amanhã cedo', quoted: { key: { id: asked.id, fromMe: false } } });
  });
});
