// The customers' language of a WhatsApp channel (Settings → Channels): Portuguese unless the owner sets
// it, English once they do, for what Zyntra itself writes to customers there (the satisfaction survey,
// a wait step's re-ask the marketer left empty). Each workspace's channels are its own: another
// workspace neither reads nor changes the setting.
import { expect, it } from 'vitest';
import type pg from 'pg';
import { api } from '../../test/harness';
import { textMessage } from '../../test/fakes/whatsapp-payloads';
import { edge, flow, node } from '../../test/flow-docs';
import { eventually, otherWorkspace, pipelineForFile, sentTexts, type Pipeline } from '../../test/pipeline';

let p: Pipeline;
let db: pg.Client;
let other: Awaited<ReturnType<typeof otherWorkspace>>;
pipelineForFile(async (s) => {
  ({ pipeline: p, db } = s);
  other = await otherWorkspace(p, 'Outra loja', 'PNID-LANG-2');
  for (const token of [p.token, other.token]) expect((await api(p.app, 'PUT', '/v1/settings/inbox', { satisfactionSurvey: true }, token)).status).toBe(200);
});

const survey = (waId: string) => eventually(() => p.wa.sendsTo(waId).find((s) => s.body.type === 'interactive')?.body.interactive);
const titles = (interactive: any) => interactive.action.buttons.map((b: any) => b.reply.title);
const channel = (token = p.token, id = p.channelId) => api(p.app, 'GET', `/v1/channels/${id}`, undefined, token);
const setLanguage = (language: string, token = p.token, id = p.channelId) => api(p.app, 'PATCH', `/v1/channels/${id}`, { config: { language } }, token);

/** A customer writes, the workspace answers and closes the chat, which sends the survey. */
async function closedChat(waId: string, w: { token: string; inbound: (text: string) => Promise<unknown> } = { token: p.token, inbound: (t) => p.wa.inbound({ waId }, textMessage(t)) }) {
  await w.inbound('oi, quero um bolo');
  const id = await eventually(async () => (await db.query(
    "SELECT cv.id FROM conversations cv JOIN contacts ct ON ct.id = cv.contact_id WHERE ct.external_id = $1 AND cv.status <> 'closed'", [waId])).rows[0]?.id as string | undefined);
  expect((await api(p.app, 'POST', `/v1/conversations/${id}/messages`, { text: 'Temos sim!' }, w.token)).status).toBe(201);
  expect((await api(p.app, 'POST', `/v1/conversations/${id}/close`, undefined, w.token)).status).toBe(200);
}

it('a WhatsApp channel nobody set speaks Portuguese to its customers', async () => {
  expect((await channel()).body.config.language).toBeUndefined();
  await closedChat('5511300000201');
  const asked = await survey('5511300000201');
  expect(asked.body.text).toBe('Como você avalia o nosso atendimento?');
  expect(titles(asked)).toEqual(['😀 Ótimo', '😐 Regular', '😞 Ruim']);
});

it('set to English, the survey is in English; the number is not tested again and stays active; emptied, Portuguese again', async () => {
  const set = await setLanguage('en');
  expect(set.status).toBe(200);
  expect(set.body).toMatchObject({ status: 'active', config: { language: 'en', phoneNumberId: expect.any(String) } });
  expect(set.body.connection).toBeUndefined();
  expect((await channel()).body.config.language).toBe('en');
  await closedChat('5511300000202');
  const asked = await survey('5511300000202');
  expect(asked.body.text).toBe('How would you rate our service?');
  expect(titles(asked)).toEqual(['😀 Great', '😐 OK', '😞 Poor']);

  expect((await setLanguage('fr')).status).toBe(400);
  expect((await setLanguage('')).body.config.language).toBeUndefined();
  await closedChat('5511300000203');
  expect((await survey('5511300000203')).body.text).toBe('Como você avalia o nosso atendimento?');
  expect((await setLanguage('en')).status).toBe(200);
});

it('another workspace can neither read nor change the setting, and its own channel keeps its own language', async () => {
  expect((await channel(other.token)).status).toBe(404);
  expect((await setLanguage('pt-BR', other.token)).status).toBe(404);
  const theirList = (await api(p.app, 'GET', '/v1/channels', undefined, other.token)).body.items as Array<{ id: string }>;
  expect(theirList.map((c) => c.id)).toEqual([other.channelId]);
  expect((await channel()).body.config.language).toBe('en');
  // Their customers still read Portuguese while ours read English.
  await closedChat('5511300000204', { token: other.token, inbound: (t) => other.inbound('5511300000204', t) });
  expect((await survey('5511300000204')).body.text).toBe('Como você avalia o nosso atendimento?');
  expect((await channel(other.token, other.channelId)).body.config.language).toBeUndefined();
});

it("a wait step's re-ask the marketer left empty is in the channel's language; the other workspace's stays Portuguese", async () => {
  // Our channel is English by now (above); the other workspace's was never set.
  const ask = flow(
    [node('start', 'trigger', { fallback: true }), node('qty', 'wait', { mode: 'reply', expect: 'number', retryPrompt: '', maxRetries: 3 }), node('ok', 'message', { text: 'Anotado!' })],
    [edge('start', 'next', 'qty'), edge('qty', 'next', 'ok')],
  );
  await p.publish(ask, 'Quantos bolos');
  await other.publish(ask, 'Quantos bolos');
  await p.wa.inbound({ waId: '5511300000205' }, textMessage('oi'));
  await other.inbound('5511300000206', 'oi');
  await eventually(async () => (await db.query("SELECT count(*)::int AS n FROM flow_sessions s JOIN conversations cv ON cv.id = s.conversation_id JOIN contacts ct ON ct.id = cv.contact_id WHERE ct.external_id IN ('5511300000205', '5511300000206') AND s.status = 'active'")).rows[0].n === 2);
  await p.wa.inbound({ waId: '5511300000205' }, textMessage('muitos'));
  await other.inbound('5511300000206', 'muitos');
  expect(await eventually(() => sentTexts(p.wa, '5511300000205')[0])).toBe('Please answer with a number only.');
  expect(await eventually(() => sentTexts(p.wa, '5511300000206')[0])).toBe('Por favor, responda só com um número.');
});
