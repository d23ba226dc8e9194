// Flow semantics through the real pipeline: timers, versions, AI replies, handoff and consent.
import { beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { edge, flow, keywordTrigger, node } from '../../test/flow-docs';
import { api } from '../../test/harness';
import { buttonReply, textMessage } from '../../test/fakes/whatsapp-payloads';
import { eventually, pipelineForFile, sentTexts, type Pipeline } from '../../test/pipeline';
import { startJobAgain } from '../../test/job-again';

let p: Pipeline;
let db: pg.Client;
pipelineForFile((started) => ({ pipeline: p, db } = started));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let n = 0;
const newContact = () => ({ waId: `55118${String(Date.now() % 1_000_000).padStart(6, '0')}${n++}` });

describe('wait timeout', () => {
  beforeAll(async () => {
    await p.publish(
      flow(
        [
          keywordTrigger('prazo'),
          node('ask', 'wait', { mode: 'reply', timeoutSeconds: 1 }),
          node('thanks', 'message', { text: 'obrigado' }),
          node('nudge', 'message', { text: 'ainda está aí?' }),
        ],
        [edge('start', 'next', 'ask'), edge('ask', 'next', 'thanks'), edge('ask', 'timeout', 'nudge')],
      ),
      'Prazo',
    );
  });

  it('when the customer stays silent, then the timeout output runs', async () => {
    const c = newContact();
    await p.wa.inbound(c, textMessage('prazo'));
    await eventually(() => sentTexts(p.wa, c.waId).includes('ainda está aí?'), 10_000);
    expect(sentTexts(p.wa, c.waId)).toEqual(['ainda está aí?']);
  });

  it('when the customer answers first, then the timeout never fires', async () => {
    const c = newContact();
    await p.wa.inbound(c, textMessage('prazo'));
    await p.wa.inbound(c, textMessage('amanhã'));
    await eventually(() => sentTexts(p.wa, c.waId).includes('obrigado'));
    await sleep(2_500);
    expect(sentTexts(p.wa, c.waId)).toEqual(['obrigado']);
  });
});

describe('versions', () => {
  it('when a new version is published mid-conversation, then that conversation ends on its old version and new ones use the new', async () => {
    const v = (tag: string) =>
      flow(
        [
          keywordTrigger('versao'),
          node('q', 'message', { text: `${tag} pergunta`, buttons: [{ id: 'sim', title: 'Sim' }] }),
          node('end', 'message', { text: `${tag} fim` }),
        ],
        [edge('start', 'next', 'q'), edge('q', 'btn:sim', 'end'), edge('q', 'no_match', 'end')],
      );
    const { flowId } = await p.publish(v('v1'), 'Versões');
    const a = newContact();
    await p.wa.inbound(a, textMessage('versao'));
    await eventually(() => sentTexts(p.wa, a.waId).includes('v1 pergunta'));
    await p.republish(flowId, v('v2'));
    await p.wa.inbound(a, buttonReply('sim', 'Sim'));
    await eventually(() => sentTexts(p.wa, a.waId).length === 2);
    expect(sentTexts(p.wa, a.waId)).toEqual(['v1 pergunta', 'v1 fim']);
    const b = newContact();
    await p.wa.inbound(b, textMessage('versao'));
    await eventually(() => sentTexts(p.wa, b.waId).length === 1);
    expect(sentTexts(p.wa, b.waId)).toEqual(['v2 pergunta']);
    const sendsToA = p.wa.sends.filter((s) => s.body.to === a.waId);
    expect(sendsToA[0]!.body.interactive.action.buttons[0].reply).toEqual({ id: 'sim', title: 'Sim' });
  });
});

describe('ai_reply', () => {
  beforeAll(async () => {
    await p.publish(
      flow(
        [
          keywordTrigger('ia'),
          node('ai', 'ai_reply', { systemPrompt: 'Você é a Loja X. Cliente: {{contact.name | "cliente"}}', timeoutSeconds: 1, historyWindow: 5 }),
          node('sorry', 'message', { text: 'desculpe, tente mais tarde' }),
          node('human', 'transfer', { message: 'vou chamar alguém', tags: ['ia'] }),
          node('more', 'wait', { mode: 'reply' }),
        ],
        [edge('start', 'next', 'ai'), edge('ai', 'ok', 'more'), edge('more', 'next', 'ai'), edge('ai', 'error', 'sorry'), edge('ai', 'handoff', 'human')],
      ),
      'IA',
    );
  });

  it('when the model answers, then its answer is sent and the prompt carried the context', async () => {
    p.llm.behave({ kind: 'reply', reply: 'Entrega em 2 dias úteis.' });
    const c = { ...newContact(), name: 'Carla' };
    await p.wa.inbound(c, textMessage('ia'));
    await eventually(() => sentTexts(p.wa, c.waId).length === 1);
    expect(sentTexts(p.wa, c.waId)).toEqual(['Entrega em 2 dias úteis.']);
    const req = p.llm.requests.at(-1);
    expect(req.authorization).toBe('Bearer sk-test');
    expect(req.body.messages[0]).toMatchObject({ role: 'system' });
    expect(req.body.messages[0].content).toContain('Cliente: Carla');
    expect(req.body.messages.at(-1)).toEqual({ role: 'user', content: 'ia' });
  });

  it('when the queue starts the AI job again after its answer was stored, then the model is not asked again and nothing more is sent', async () => {
    p.llm.behave({ kind: 'reply', reply: 'Aberto até as 18h.' });
    const c = newContact();
    await p.wa.inbound(c, textMessage('ia'));
    await eventually(() => sentTexts(p.wa, c.waId).length === 1);
    const asked = p.llm.requests.length;
    await startJobAgain(p.app, 'ai', (job) => job.data.conversationKey.endsWith(`:${c.waId}`));
    await sleep(500);
    expect(p.llm.requests.length).toBe(asked);
    expect(sentTexts(p.wa, c.waId)).toEqual(['Aberto até as 18h.']);
  });

  /** The ai step's failed run-log row of the contact's conversation. */
  const aiFailure = async (waId: string) =>
    (await db.query(
      'SELECT r.outcome, r.error FROM run_logs r JOIN conversations c ON c.id = r.conversation_id JOIN contacts ct ON ct.id = c.contact_id WHERE ct.phone = $1 AND r.node_id = $2 AND r.error IS NOT NULL',
      [waId, 'ai'],
    )).rows[0] as { outcome: string; error: string } | undefined;

  it.each([
    ['answers HTTP 500', { kind: 'error', status: 500, message: 'overloaded' }, 'ai_status', 'The AI provider failed (HTTP 500)'],
    ['refuses the key', { kind: 'error', status: 401, message: 'bad key' }, 'ai_status', 'The AI provider refused the API key (HTTP 401)'],
    ['is slower than the timeout', { kind: 'reply', reply: 'tarde demais', delayMs: 3_000 }, 'ai_timeout', 'AI provider: No complete answer within 1 s'],
    ['answers free text instead of {reply, handoff}', { kind: 'garbage' }, 'ai_bad_answer', 'completion is not JSON'],
  ] as const)('when the provider %s, then the error output runs and the run log names the cause', async (_name, behaviour, outcome, error) => {
    p.llm.behave(behaviour);
    const c = newContact();
    await p.wa.inbound(c, textMessage('ia'));
    await eventually(() => sentTexts(p.wa, c.waId).length === 1, 10_000);
    expect(sentTexts(p.wa, c.waId)).toEqual(['desculpe, tente mais tarde']);
    expect(await aiFailure(c.waId)).toEqual({ outcome, error });
  });

  it('when the model asks for a human, then the conversation is transferred and the bot goes silent', async () => {
    p.llm.behave({ kind: 'reply', reply: '', handoff: true });
    const c = newContact();
    await p.wa.inbound(c, textMessage('ia'));
    await eventually(() => sentTexts(p.wa, c.waId).length === 1);
    expect(sentTexts(p.wa, c.waId)).toEqual(['vou chamar alguém']);
    const conv = (await db.query("SELECT c.status, ct.tags FROM conversations c JOIN contacts ct ON ct.id = c.contact_id WHERE ct.phone = $1", [c.waId])).rows[0];
    expect(conv).toEqual({ status: 'waiting', tags: ['ia'] });
    const events = await db.query(
      "SELECT e.payload, ct.id AS contact_id FROM domain_events e JOIN conversations c ON c.id = (e.payload->>'conversationId')::uuid JOIN contacts ct ON ct.id = c.contact_id WHERE e.type = 'conversation.transferred' AND e.payload->>'nodeId' = 'human' AND ct.phone = $1",
      [c.waId],
    );
    expect(events.rowCount).toBe(1);
    // The same fields as a reopened chat's transfer, and why: a flow's transfer step.
    expect(events.rows[0].payload).toMatchObject({ conversationId: expect.any(String), contactId: events.rows[0].contact_id, reason: 'flow', nodeId: 'human' });
    await p.wa.inbound(c, textMessage('ia'));
    await sleep(800);
    expect(sentTexts(p.wa, c.waId)).toHaveLength(1);
  });
});

describe('consent', () => {
  it('when the customer sends PARAR, then the bot stays silent until they opt back in', async () => {
    await p.publish(flow([keywordTrigger('oi'), node('hi', 'message', { text: 'olá de novo' })], [edge('start', 'next', 'hi')]), 'Oi');
    const c = newContact();
    await p.wa.inbound(c, textMessage('PARAR'));
    await p.wa.inbound(c, textMessage('oi'));
    await sleep(800);
    expect(sentTexts(p.wa, c.waId)).toEqual([]);
    const contact = (await db.query('SELECT opted_out_at FROM contacts WHERE phone = $1', [c.waId])).rows[0];
    expect(contact.opted_out_at).not.toBeNull();
    await p.wa.inbound(c, textMessage('VOLTAR'));
    await p.wa.inbound(c, textMessage('oi'));
    await eventually(() => sentTexts(p.wa, c.waId).length === 1);
    expect(sentTexts(p.wa, c.waId)).toEqual(['olá de novo']);
  });

  it('when a conversation is queried by another tenant, then it is not found', async () => {
    const list = await api(p.app, 'GET', '/v1/conversations', undefined, p.token);
    const id = list.body.items[0].id;
    const other = await api(p.app, 'POST', '/v1/auth/signup', { workspaceName: 'Outra', name: 'X', email: `x${Date.now()}@example.com`, password: 'senha-forte-1' });
    expect((await api(p.app, 'GET', `/v1/conversations/${id}`, undefined, other.body.token)).status).toBe(404);
    expect((await api(p.app, 'GET', `/v1/conversations/${id}/runlog`, undefined, other.body.token)).status).toBe(404);
    expect((await api(p.app, 'GET', '/v1/conversations', undefined, other.body.token)).body.items).toEqual([]);
  });
});
