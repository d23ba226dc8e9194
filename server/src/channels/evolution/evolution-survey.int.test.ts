// The satisfaction survey on WhatsApp Web (Evolution), where its buttons go out as a numbered menu:
// the customer answers by typing "1" or "Ótimo". The typed answer is recorded in the closed chat
// (no reopening, no bot), the first answer counts, and the same words after it, or a "1" that
// answers no survey, go the normal way.
import { describe, expect, it } from 'vitest';
import type pg from 'pg';
import { edge, flow, node } from '../../../test/flow-docs';
import { api, type TestApp } from '../../../test/harness';
import { eventually } from '../../../test/pipeline';
import * as P from '../../../test/fakes/evolution-payloads';
import type { FakeEvolution } from '../../../test/fakes/fake-evolution';
import { evolutionChannelForFile } from '../../../test/evolution-channel';

const HELLO = 'Olá! Sou o robô da loja.';

let app: TestApp;
let evo: FakeEvolution;
let db: pg.Client;
let token = '';

evolutionChannelForFile(async (started) => {
  ({ app, evo, db, token } = started);
  // Any message the bot gets is answered: an answer that reached the bot would say so.
  const hello = flow([node('start', 'trigger', { fallback: true }), node('hi', 'message', { text: HELLO })], [edge('start', 'next', 'hi')]);
  const created = await api(app, 'POST', '/v1/flows', { name: 'Boas-vindas', document: hello }, token);
  expect((await api(app, 'POST', `/v1/flows/${created.body.id}/publish`, {}, token)).status).toBe(201);
  expect((await api(app, 'PUT', '/v1/settings/inbox', { satisfactionSurvey: true }, token)).status).toBe(200);
}, { instance: 'loja-csat', workspaceName: 'Doceria Evolution', channelName: 'WhatsApp da loja' });

const textsTo = (number: string) => evo.sends.filter((s) => s.body.number === number).map((s) => String(s.body.text ?? ''));
const conversation = async (number: string) =>
  (await db.query('SELECT c.id, c.status FROM conversations c JOIN contacts ct ON ct.id = c.contact_id WHERE ct.external_id = $1', [P.jidOf(number)])).rows[0]
  ?? (await db.query('SELECT c.id, c.status FROM conversations c JOIN contacts ct ON ct.id = c.contact_id WHERE ct.external_id = $1', [number])).rows[0];
const scores = async (id: string) => (await db.query('SELECT score FROM satisfaction_surveys WHERE conversation_id = $1 ORDER BY sent_at', [id])).rows.map((r) => r.score);
const quietFor = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The customer writes, the bot answers, the owner replies and closes: the survey goes out as a numbered menu. */
async function surveyed(number: string) {
  await evo.customer(number, P.text('oi, tem bolo?'));
  await eventually(() => textsTo(number).includes(HELLO));
  const { id } = await eventually(() => conversation(number));
  expect((await api(app, 'POST', `/v1/conversations/${id}/messages`, { text: 'Temos sim!' }, token)).status).toBe(201);
  expect((await api(app, 'POST', `/v1/conversations/${id}/close`, undefined, token)).status).toBe(200);
  const question = await eventually(() => textsTo(number).find((t) => t.startsWith('Como você avalia o nosso atendimento?')));
  expect(question).toContain('1. 😀 Ótimo\n2. 😐 Regular\n3. 😞 Ruim');
  return id as string;
}

describe('satisfaction survey on WhatsApp Web (Evolution)', () => {
  it('when the customer types "1", then it is recorded as Ótimo in the closed chat; a second answer goes the normal way', async () => {
    const number = '5511977000001';
    const id = await surveyed(number);
    const sent = textsTo(number).length;
    await evo.customer(number, P.text('1'));
    await eventually(async () => (await scores(id))[0] === 3);
    expect((await conversation(number)).status).toBe('closed');
    await quietFor(800);
    expect(textsTo(number)).toHaveLength(sent);
    // Answered already: "3" is a message like any other, and the chat opens again.
    await evo.customer(number, P.text('3'));
    await eventually(async () => (await conversation(number)).status !== 'closed');
    expect(await scores(id)).toEqual([3]);
  });

  it('when the customer types the words, then they count too; a "1" with no survey waiting goes to the bot', async () => {
    const number = '5511977000002';
    const id = await surveyed(number);
    await evo.customer(number, P.text('ruim'));
    await eventually(async () => (await scores(id))[0] === 1);
    expect((await conversation(number)).status).toBe('closed');

    const fresh = '5511977000003';
    await evo.customer(fresh, P.text('1'));
    await eventually(() => textsTo(fresh).includes(HELLO));
    const { id: other } = await conversation(fresh);
    expect(await scores(other)).toEqual([]);
  });
});
