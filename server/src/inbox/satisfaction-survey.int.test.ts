// The satisfaction survey, end to end through the fake WhatsApp server: a person closes a chat they
// held and the customer gets one question with three buttons (only when the workspace turned it on,
// inside the 24-hour window, not after a bot-only chat, once per close); the tap is recorded once,
// stays in the closed chat and wakes no bot; a forged or foreign tap goes the normal way; the report
// counts each workspace's own answers.
import { describe, expect, it } from 'vitest';
import type pg from 'pg';
import { addMember } from '../../test/agents';
import { edge, flow, node } from '../../test/flow-docs';
import { api } from '../../test/harness';
import { buttonReply, textMessage } from '../../test/fakes/whatsapp-payloads';
import { eventually, otherWorkspace, pipelineForFile, sentTexts, type Pipeline } from '../../test/pipeline';

const HELLO = 'Olá! Sou o robô da loja.';
const QUESTION = 'Como você avalia o nosso atendimento?';

let p: Pipeline;
let db: pg.Client;
let other: Awaited<ReturnType<typeof otherWorkspace>>;

pipelineForFile(async (started) => {
  ({ pipeline: p, db } = started);
  // Any message the bot gets is answered: a tap that reached the bot would say so.
  const hello = flow([node('start', 'trigger', { fallback: true }), node('hi', 'message', { text: HELLO })], [edge('start', 'next', 'hi')]);
  await p.publish(hello, 'Boas-vindas');
  other = await otherWorkspace(p, 'Outra loja', 'PNID-CSAT-2');
  await other.publish(hello, 'Boas-vindas');
});

const survey = (on: boolean, token = p.token) => api(p.app, 'PUT', '/v1/settings/inbox', { satisfactionSurvey: on }, token);
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const surveysSent = (waId: string) => p.wa.sendsTo(waId).filter((s) => s.body.type === 'interactive');
const surveyRows = async (conversationId: string) =>
  (await db.query('SELECT agent_id, score, answered_at FROM satisfaction_surveys WHERE conversation_id = $1 ORDER BY sent_at', [conversationId])).rows;

/** The customer writes, the bot answers, and the workspace's owner replies (so a person holds the chat). */
async function heldChat(waId: string, w: { token: string; inbound: (text: string) => Promise<unknown> } = { token: p.token, inbound: (t) => p.wa.inbound({ waId }, textMessage(t)) }) {
  await w.inbound('oi, quero um bolo');
  const id = await eventually(async () => (await db.query('SELECT cv.id FROM conversations cv JOIN contacts ct ON ct.id = cv.contact_id WHERE ct.external_id = $1 ORDER BY cv.created_at DESC', [waId])).rows[0]?.id as string | undefined);
  expect((await api(p.app, 'POST', `/v1/conversations/${id}/messages`, { text: 'Temos sim!' }, w.token)).status).toBe(201);
  return id;
}
const surveyIdOf = async (conversationId: string) => (await db.query('SELECT id FROM satisfaction_surveys WHERE conversation_id = $1', [conversationId])).rows[0].id as string;
const close = (id: string, token = p.token) => api(p.app, 'POST', `/v1/conversations/${id}/close`, undefined, token);
const status = async (id: string) => (await db.query('SELECT status FROM conversations WHERE id = $1', [id])).rows[0].status as string;

describe('satisfaction survey', () => {
  it('is off by default: closing a held chat sends nothing more', async () => {
    expect((await api(p.app, 'GET', '/v1/settings/inbox', undefined, p.token)).body.satisfactionSurvey).toBe(false);
    const id = await heldChat('5511300000001');
    expect((await close(id)).status).toBe(200);
    await wait(1_000);
    expect(surveysSent('5511300000001')).toEqual([]);
    expect(await surveyRows(id)).toEqual([]);
  });

  it('when on, closing a held chat sends one question with three buttons naming the chat, also when the close is retried', async () => {
    expect((await survey(true)).body.satisfactionSurvey).toBe(true);
    const id = await heldChat('5511300000002');
    const [first, again] = await Promise.all([close(id), close(id)]);
    expect([first.status, again.status]).toEqual([200, 200]);
    expect((await close(id)).status).toBe(200);
    const [sent] = await eventually(() => surveysSent('5511300000002').length > 0 && surveysSent('5511300000002'));
    const s = await surveyIdOf(id);
    expect(sent!.body.interactive).toMatchObject({
      type: 'button', body: { text: QUESTION },
      action: { buttons: [
        { type: 'reply', reply: { id: `csat:${id}:${s}:3`, title: '😀 Ótimo' } },
        { type: 'reply', reply: { id: `csat:${id}:${s}:2`, title: '😐 Regular' } },
        { type: 'reply', reply: { id: `csat:${id}:${s}:1`, title: '😞 Ruim' } },
      ] },
    });
    await wait(800);
    expect(surveysSent('5511300000002')).toHaveLength(1);
    const me = (await api(p.app, 'GET', '/v1/me', undefined, p.token)).body.user.id;
    expect(await surveyRows(id)).toEqual([{ agent_id: me, score: null, answered_at: null }]);
    const thread = (await api(p.app, 'GET', `/v1/conversations/${id}/messages`, undefined, p.token)).body.items;
    expect(thread.filter((m: any) => m.text === QUESTION)).toMatchObject([{ author: 'system', direction: 'out' }]);
  });

  it('is not sent outside the 24-hour window, nor after a chat only the bot had', async () => {
    const late = await heldChat('5511300000003');
    await db.query("UPDATE conversations SET last_inbound_at = now() - interval '25 hours' WHERE id = $1", [late]);
    expect((await close(late)).status).toBe(200);
    await p.wa.inbound({ waId: '5511300000004' }, textMessage('oi'));
    await eventually(() => sentTexts(p.wa, '5511300000004').includes(HELLO));
    const botOnly = (await db.query("SELECT cv.id FROM conversations cv JOIN contacts ct ON ct.id = cv.contact_id WHERE ct.external_id = '5511300000004'")).rows[0].id;
    expect((await close(botOnly)).status).toBe(200);
    await wait(1_000);
    expect([...surveysSent('5511300000003'), ...surveysSent('5511300000004')]).toEqual([]);
    expect([...(await surveyRows(late)), ...(await surveyRows(botOnly))]).toEqual([]);
  });

  it('records a tap once, first answer winning, keeps it in the closed chat and wakes no bot', async () => {
    const waId = '5511300000005';
    const id = await heldChat(waId);
    await close(id);
    await eventually(() => surveysSent(waId).length === 1);
    const tap = await p.wa.inbound({ waId }, buttonReply(`csat:${id}:3`, '😀 Ótimo'));
    await eventually(async () => (await surveyRows(id))[0]?.score === 3);
    // Redelivered by Meta, then a second, different tap: neither changes the answer.
    await p.wa.inbound({ waId }, {}, { raw: tap.raw });
    await p.wa.inbound({ waId }, buttonReply(`csat:${id}:1`, '😞 Ruim'));
    const thread = async () => (await api(p.app, 'GET', `/v1/conversations/${id}/messages`, undefined, p.token)).body.items as any[];
    await eventually(async () => (await thread()).some((m) => m.text === '😞 Ruim'));
    await wait(1_000);
    expect((await thread()).filter((m) => m.direction === 'in' && m.text.startsWith('😀'))).toHaveLength(1);
    const rows = await surveyRows(id);
    expect(rows).toHaveLength(1);
    expect(rows[0].score).toBe(3);
    expect(await status(id)).toBe('closed');
    expect(sentTexts(p.wa, waId).filter((t) => t === HELLO)).toHaveLength(1);
    expect((await db.query("SELECT count(*)::int AS n FROM conversations cv JOIN contacts ct ON ct.id = cv.contact_id WHERE ct.external_id = $1", [waId])).rows[0].n).toBe(1);
  });

  it('a tap naming another contact\'s chat, or one of another workspace, goes the normal way and records nothing', async () => {
    const id = await heldChat('5511300000006');
    await close(id);
    await eventually(() => surveysSent('5511300000006').length === 1);
    // Another customer of the same number forges the id; then the same customer's number writes to another workspace.
    await p.wa.inbound({ waId: '5511300000007' }, buttonReply(`csat:${id}:1`, '😞 Ruim'));
    await eventually(() => sentTexts(p.wa, '5511300000007').includes(HELLO));
    await other.inbound('5511300000006', buttonReply(`csat:${id}:1`, '😞 Ruim'));
    await eventually(async () => (await db.query("SELECT 1 FROM messages m JOIN conversations cv ON cv.id = m.conversation_id WHERE cv.tenant_id = $1 AND m.text = '😞 Ruim'", [other.tenantId])).rowCount === 1);
    await wait(800);
    expect((await surveyRows(id))[0].score).toBeNull();
    expect(await status(id)).toBe('closed');
    expect((await db.query("SELECT count(*)::int AS n FROM messages WHERE conversation_id = $1 AND direction = 'in'", [id])).rows[0].n).toBe(1);
  });

  it('the report counts the answers per agent, each workspace its own', async () => {
    // The other workspace rates its own agent "poor".
    expect((await survey(true, other.token)).status).toBe(200);
    const theirs = await heldChat('5511300000008', { token: other.token, inbound: (t) => other.inbound('5511300000008', t) });
    await close(theirs, other.token);
    await eventually(() => surveysSent('5511300000008').length === 1);
    await other.inbound('5511300000008', buttonReply(`csat:${theirs}:1`, '😞 Ruim'));
    await eventually(async () => (await surveyRows(theirs))[0]?.score === 1);
    // And ours: one more "regular" next to the "great" above.
    const ours = await heldChat('5511300000009');
    await close(ours);
    await eventually(() => surveysSent('5511300000009').length === 1);
    await p.wa.inbound({ waId: '5511300000009' }, buttonReply(`csat:${ours}:2`, '😐 Regular'));
    await eventually(async () => (await surveyRows(ours))[0]?.score === 2);

    // Bia closes a chat whose customer never answers: she is listed, with nothing answered.
    const bia = await addMember(p.app, p.tenantId, 'Bia Souza', 'agent');
    const unanswered = await heldChat('5511300000010', { token: bia.token, inbound: (t) => p.wa.inbound({ waId: '5511300000010' }, textMessage(t)) });
    expect((await close(unanswered, bia.token)).status).toBe(200);
    await eventually(() => surveysSent('5511300000010').length === 1);

    const me = (await api(p.app, 'GET', '/v1/me', undefined, p.token)).body.user;
    const report = await api(p.app, 'GET', '/v1/reports/csat', undefined, p.token);
    expect(report.status).toBe(200);
    expect(report.body.totals).toEqual({ answers: 2, great: 1, ok: 1, poor: 0, greatShare: 0.5 });
    expect(report.body.agents).toEqual([
      { userId: me.id, name: me.name, answers: 2, great: 1, ok: 1, poor: 0, greatShare: 0.5, sent: 4, answerRate: 0.5 },
      { userId: bia.id, name: 'Bia Souza', answers: 0, great: 0, ok: 0, poor: 0, greatShare: null, sent: 1, answerRate: 0 },
    ]);
    expect(report.body).toMatchObject({ surveyOn: true, sent: 5, answerRate: 0.4 });
    const theirReport = (await api(p.app, 'GET', '/v1/reports/csat', undefined, other.token)).body;
    expect(theirReport.totals).toEqual({ answers: 1, great: 0, ok: 0, poor: 1, greatShare: 0 });
    expect(theirReport).toMatchObject({ sent: 1, answerRate: 1 });
    expect(theirReport.agents.map((a: { name: string }) => a.name)).not.toContain('Bia Souza');
    // Turned off, the report says so (the answers given stay).
    expect((await survey(false, other.token)).status).toBe(200);
    expect((await api(p.app, 'GET', '/v1/reports/csat', undefined, other.token)).body).toMatchObject({ surveyOn: false, sent: 1 });
    // A period before any of it holds nothing.
    const before = await api(p.app, 'GET', '/v1/reports/csat?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z', undefined, p.token);
    expect(before.body.totals.answers).toBe(0);
  });

  it('only admins change the setting, agents do not see the report, and bad input is a 400', async () => {
    const agent = await addMember(p.app, p.tenantId, 'Ana', 'agent');
    expect((await survey(false, agent.token)).status).toBe(403);
    expect((await api(p.app, 'GET', '/v1/reports/csat', undefined, agent.token)).status).toBe(403);
    expect((await api(p.app, 'PUT', '/v1/settings/inbox', { satisfactionSurvey: 'sim' }, p.token)).status).toBe(400);
    expect((await api(p.app, 'GET', '/v1/reports/csat?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', undefined, p.token)).status).toBe(400);
    expect((await api(p.app, 'GET', '/v1/settings/inbox', undefined, p.token)).body.satisfactionSurvey).toBe(true);
  });

  it('on an English web chat, the visitor gets the survey in English (no window applies) and their tap is recorded the same way', async () => {
    const channel = await api(p.app, 'POST', '/v1/channels', { type: 'webchat', name: 'Site', config: { language: 'en' } }, p.token);
    expect(channel.status).toBe(201);
    const session = await api(p.app, 'POST', `/v1/webchat/${channel.body.id}/sessions`, {});
    const say = (body: Record<string, unknown>) => api(p.app, 'POST', `/v1/webchat/${channel.body.id}/messages`, body, session.body.visitorToken);
    expect((await say({ text: 'hi, do you have cakes?' })).status).toBe(202);
    const id = await eventually(async () => (await db.query('SELECT cv.id FROM conversations cv JOIN contacts ct ON ct.id = cv.contact_id WHERE ct.external_id = $1', [session.body.visitorId])).rows[0]?.id as string | undefined);
    expect((await api(p.app, 'POST', `/v1/conversations/${id}/messages`, { text: 'We do!' }, p.token)).status).toBe(201);
    expect((await close(id)).status).toBe(200);
    const history = async () => (await api(p.app, 'GET', `/v1/webchat/${channel.body.id}/messages`, undefined, session.body.visitorToken)).body.items as any[];
    const question = await eventually(async () => (await history()).find((m) => m.text === 'How would you rate our service?'));
    const stored = (await db.query("SELECT payload FROM messages WHERE conversation_id = $1 AND author = 'system'", [id])).rows[0].payload;
    const s = await surveyIdOf(id);
    expect(stored.buttons).toEqual([
      { id: `csat:${id}:${s}:3`, title: '😀 Great' }, { id: `csat:${id}:${s}:2`, title: '😐 OK' }, { id: `csat:${id}:${s}:1`, title: '😞 Poor' },
    ]);
    expect(question.direction).toBe('out');
    const hellos = (await history()).filter((m) => m.text === HELLO).length;
    expect((await say({ text: '😀 Great', replyId: `csat:${id}:${s}:3` })).status).toBe(202);
    await eventually(async () => (await surveyRows(id))[0]?.score === 3);
    await wait(800);
    expect(await status(id)).toBe('closed');
    expect((await history()).filter((m) => m.text === HELLO)).toHaveLength(hellos);
  });

  it('on the Cloud API, where the buttons are tapped, a typed "Ótimo" is a message like any other: the chat opens again', async () => {
    const id = await heldChat('5511300000011');
    await close(id);
    await eventually(() => surveysSent('5511300000011').length === 1);
    await p.wa.inbound({ waId: '5511300000011' }, textMessage('Ótimo'));
    await eventually(async () => (await status(id)) !== 'closed');
    expect((await surveyRows(id))[0].score).toBeNull();
  });
});
