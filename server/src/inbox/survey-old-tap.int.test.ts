// A customer who comes back to a closed chat reopens the same conversation, so a later close sends
// a second survey naming the same chat. A tap on the first survey's button, made after the second
// was sent, answers the first: the first answer counts, and only for the close it asks about.
import { expect, it } from 'vitest';
import type pg from 'pg';
import { api } from '../../test/harness';
import { buttonReply, textMessage } from '../../test/fakes/whatsapp-payloads';
import { eventually, pipelineForFile, type Pipeline } from '../../test/pipeline';

let p: Pipeline;
let db: pg.Client;
pipelineForFile(async (s) => {
  ({ pipeline: p, db } = s);
  expect((await api(p.app, 'PUT', '/v1/settings/inbox', { satisfactionSurvey: true }, p.token)).status).toBe(200);
});

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const surveysSent = (waId: string) => p.wa.sendsTo(waId).filter((s) => s.body.type === 'interactive');
const buttonsOf = (send: { body: any }) => send.body.interactive.action.buttons.map((b: any) => b.reply.id as string);
const scores = async (id: string) =>
  (await db.query('SELECT score FROM satisfaction_surveys WHERE conversation_id = $1 ORDER BY sent_at', [id])).rows.map((r) => r.score as number | null);

/** The customer writes, the owner answers and closes; resolves with the chat and the survey it sent. */
async function heldAndClosed(waId: string, text: string, surveys: number) {
  await p.wa.inbound({ waId }, textMessage(text));
  const id = await eventually(async () => (await db.query(
    "SELECT cv.id FROM conversations cv JOIN contacts ct ON ct.id = cv.contact_id WHERE ct.external_id = $1 AND cv.status <> 'closed'", [waId])).rows[0]?.id as string | undefined);
  expect((await api(p.app, 'POST', `/v1/conversations/${id}/messages`, { text: 'Claro!' }, p.token)).status).toBe(201);
  expect((await api(p.app, 'POST', `/v1/conversations/${id}/close`, undefined, p.token)).status).toBe(200);
  const sent = await eventually(() => surveysSent(waId).length === surveys && surveysSent(waId));
  return { id, buttons: buttonsOf(sent[surveys - 1]!) };
}

it('a tap on an older survey, after a newer one was sent for the same chat, answers the older one', async () => {
  const waId = '5511300000101';
  const first = await heldAndClosed(waId, 'oi, quero um bolo', 1);
  const second = await heldAndClosed(waId, 'oi de novo, e o bolo?', 2);
  expect(second.id).toBe(first.id);
  expect(await scores(first.id)).toEqual([null, null]);
  // The first survey's "poor", tapped late: it rates the first close, not the second.
  await p.wa.inbound({ waId }, buttonReply(first.buttons[2]!, '😞 Ruim'));
  await eventually(async () => (await scores(first.id))[0] !== null || (await scores(first.id))[1] !== null);
  await wait(500);
  expect(await scores(first.id)).toEqual([1, null]);
  // Then the second survey's "great" rates the second close.
  await p.wa.inbound({ waId }, buttonReply(second.buttons[0]!, '😀 Ótimo'));
  await eventually(async () => (await scores(first.id))[1] !== null);
  expect(await scores(first.id)).toEqual([1, 3]);
});

it('a late tap on an older survey that was answered already counts for nothing', async () => {
  const waId = '5511300000102';
  const first = await heldAndClosed(waId, 'oi, quero um bolo', 1);
  await p.wa.inbound({ waId }, buttonReply(first.buttons[0]!, '😀 Ótimo'));
  await eventually(async () => (await scores(first.id))[0] === 3);
  await heldAndClosed(waId, 'oi de novo', 2);
  await p.wa.inbound({ waId }, buttonReply(first.buttons[2]!, '😞 Ruim'));
  await eventually(async () => (await db.query("SELECT 1 FROM messages WHERE conversation_id = $1 AND text = '😞 Ruim'", [first.id])).rowCount === 1);
  await wait(500);
  expect(await scores(first.id)).toEqual([3, null]);
});
