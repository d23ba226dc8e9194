import { describe, expect, it } from 'vitest';
import type { Action } from './actions';
import type { EngineEvent } from './events';
import { step } from './interpret';
import { chain, converse, edge, flow, msg, node, testContext, trigger } from './testing/fixtures';

const sent = (actions: Action[]) => actions.flatMap((a) => (a.type === 'send_message' ? [a.content.text] : []));
const timer = (token: string): EngineEvent => ({ type: 'timer_fired', token });
const llm = (token: string, text: string, handoff = false): EngineEvent => ({ type: 'llm_result', token, text, handoff });

describe('messages that arrive while the bot is busy', () => {
  // ai → ask first → ask second → echo both: the customer types ahead while the LLM thinks.
  const version = flow(
    [
      trigger(),
      node('ai_reply', 'ai', { systemPrompt: 'Ajude' }),
      node('wait', 'first', { saveAs: 'first' }),
      node('wait', 'second', { saveAs: 'second' }),
      node('message', 'echo', { text: '{{first}} + {{second}} (último: {{last_reply}})' }),
    ],
    [...chain('start', 'ai'), edge('ai', 'ok', 'first'), ...chain('first', 'second', 'echo')],
  );

  it('when messages arrive during the LLM call, then they are queued and answered in order after it', () => {
    const ctx = testContext();
    const busy = converse(version, [msg('oi'), msg('a'), msg('b')], ctx);
    expect(busy.session).toMatchObject({ cursor: { nodeId: 'ai', waitingFor: 'llm', token: 'id-1' }, lastReply: 'b' });
    expect(busy.session?.deferred.map((m) => m.text)).toEqual(['a', 'b']);
    expect(busy.log.slice(-2).map((e) => e.outcome)).toEqual(['deferred', 'deferred']);

    const done = step(version, busy.session, llm('id-1', 'Claro!'), ctx);
    expect(sent(done.actions)).toEqual(['Claro!', 'a + b (último: b)']);
    expect(done.session).toMatchObject({ status: 'ended', deferred: [], vars: { first: 'a', second: 'b' } });
  });

  it('when more messages are queued than the flow asks for, then the rest stay queued for the next reply wait', () => {
    const { session } = converse(version, [msg('oi'), msg('a'), msg('b'), msg('c'), llm('id-1', 'ok')]);
    expect(session).toMatchObject({ status: 'ended', vars: { first: 'a', second: 'b' } });
    expect(session?.deferred.map((m) => m.text)).toEqual(['c']);
  });

  it('when a flood arrives while the bot is busy, then only the first maxDeferred wait and the rest are logged as dropped', () => {
    // A session is stored whole after every message: an unbounded queue grows it without end.
    const ctx = testContext({ limits: { maxSteps: 50, maxDeferred: 5 } });
    const flood = Array.from({ length: 1000 }, (_, i) => msg(`m${i}`));
    const busy = converse(version, [msg('oi'), ...flood], ctx);
    expect(busy.session?.deferred.map((m) => m.text)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
    expect(busy.log.filter((e) => e.outcome === 'deferred')).toHaveLength(5);
    expect(busy.log.filter((e) => e.outcome === 'deferred_dropped')).toHaveLength(995);
    expect(busy.session?.lastReply).toBe('m999');
    const done = step(version, busy.session, llm('id-1', 'Claro!'), ctx);
    expect(sent(done.actions)).toEqual(['Claro!', 'm0 + m1 (último: m1)']);
  });

  it('when a message arrives during a delay, then it is answered by the reply wait after the delay', () => {
    const delayed = flow(
      [trigger(), node('wait', 'pause', { mode: 'delay', delaySeconds: 3 }), node('wait', 'ask', { saveAs: 'x' })],
      chain('start', 'pause', 'ask'),
    );
    const { session, actions } = converse(delayed, [msg('oi'), msg('cedo'), timer('id-1')]);
    expect(actions[0]).toEqual({ type: 'schedule_timer', nodeId: 'pause', token: 'id-1', delayMs: 3000 });
    expect(session).toMatchObject({ vars: { x: 'cedo' }, deferred: [] });
  });
});

describe('timers and LLM results that no longer apply', () => {
  const version = flow(
    [
      trigger(),
      node('wait', 'w1', { timeoutSeconds: 60 }),
      node('wait', 'w2', { timeoutSeconds: 120 }),
      node('message', 'late', { text: 'Ainda está aí?' }),
    ],
    [...chain('start', 'w1', 'w2'), edge('w2', 'timeout', 'late')],
  );

  it('when the customer answered before the timeout, then the old timer is cancelled and ignored if it still fires', () => {
    const ctx = testContext();
    const answered = converse(version, [msg('oi'), msg('resposta')], ctx);
    expect(answered.actions).toEqual([
      { type: 'schedule_timer', nodeId: 'w1', token: 'id-1', delayMs: 60_000 },
      { type: 'cancel_timer', token: 'id-1' },
      { type: 'schedule_timer', nodeId: 'w2', token: 'id-2', delayMs: 120_000 },
    ]);
    const stale = step(version, answered.session, timer('id-1'), ctx);
    expect(stale.actions).toEqual([]);
    expect(stale.session).toEqual(answered.session);
    expect(stale.log.map((e) => e.outcome)).toEqual(['stale_event']);
  });

  it('when the current timeout fires, then the timeout path runs and nothing is cancelled', () => {
    const { actions, log, session } = converse(version, [msg('oi'), msg('resposta'), timer('id-2')]);
    expect(sent(actions)).toEqual(['Ainda está aí?']);
    expect(actions.filter((a) => a.type === 'cancel_timer')).toHaveLength(1);
    expect(log.map((e) => `${e.nodeId}:${e.outcome}`)).toContain('w2:timeout');
    expect(session).toMatchObject({ status: 'ended', endedReason: 'completed' });
  });

  it.each<[string, EngineEvent]>([
    ['an LLM result arrives for a timer wait', llm('id-1', 'x')],
    ['an LLM failure arrives for a timer wait', { type: 'llm_failed', token: 'id-1', reason: 'x' }],
    ['a timer with an unknown token fires', timer('nope')],
    ['a timer_fired carries the token of a reply wait that scheduled no timer', timer('id-9')],
  ])('when %s, then it is logged as stale and changes nothing', (_case, event) => {
    const parked = converse(version, [msg('oi')]).session;
    // Make the last case concrete: a cursor whose token matches but has no pending timer.
    if (event.type === 'timer_fired' && event.token === 'id-9' && parked?.cursor) {
      parked.cursor = { ...parked.cursor, token: 'id-9', timerPending: false };
    }
    const result = step(version, parked, event, testContext());
    expect(result).toEqual({ session: parked, actions: [], log: [expect.objectContaining({ outcome: 'stale_event' })] });
  });
});

describe('LLM outcomes', () => {
  const version = flow(
    [
      trigger(),
      node('ai_reply', 'ai', { saveAs: 'ai' }),
      node('message', 'ok', { text: 'salvo: {{ai}}' }),
      node('transfer', 'human'),
      node('message', 'err', { text: 'Falhou' }),
    ],
    [...chain('start', 'ai'), edge('ai', 'ok', 'ok'), edge('ai', 'handoff', 'human'), edge('ai', 'error', 'err')],
  );

  it.each<[string, EngineEvent, string[], string]>([
    ['the model answers', llm('id-1', 'Resposta'), ['Resposta', 'salvo: Resposta'], 'completed'],
    ['the model asks for a human', llm('id-1', 'não envia', true), [], 'transferred'],
    ['the call fails', { type: 'llm_failed', token: 'id-1', reason: 'rate_limited' }, ['Falhou'], 'completed'],
    ['a result for an older call arrives', llm('id-0', 'velha'), [], 'still waiting'],
  ])('when %s, then the bot sends %j', (_case, event, texts, ending) => {
    const { actions, session } = converse(version, [msg('oi'), event]);
    expect(sent(actions)).toEqual(texts);
    expect(session?.endedReason ?? 'still waiting').toBe(ending);
  });
});

describe('validated answers', () => {
  const version = flow(
    [
      trigger(),
      node('wait', 'age', { expect: 'number', saveAs: 'age', maxRetries: 2, retryPrompt: 'Só números, {{contact.name}}', timeoutSeconds: 300 }),
      node('message', 'thanks', { text: 'Idade {{age}}' }),
      node('message', 'giveup', { text: 'Vamos seguir sem a idade' }),
    ],
    [...chain('start', 'age', 'thanks'), edge('age', 'invalid', 'giveup')],
  );

  it('when every answer is invalid, then it re-asks maxRetries times and then follows "invalid"', () => {
    const { actions, log, session } = converse(version, [msg('oi'), msg('vinte'), msg('trinta'), msg('quarenta')]);
    expect(sent(actions)).toEqual(['Só números, Ana', 'Só números, Ana', 'Vamos seguir sem a idade']);
    expect(log.filter((e) => e.nodeId === 'age').map((e) => e.outcome)).toEqual(['waiting', 'retry', 'retry', 'invalid']);
    expect(actions.filter((a) => a.type === 'cancel_timer')).toEqual([{ type: 'cancel_timer', token: 'id-1' }]);
    expect(session).toMatchObject({ status: 'ended', vars: {} });
  });

  it('when a retry is followed by a valid answer, then the answer is saved and the retries no longer matter', () => {
    const { actions, session } = converse(version, [msg('oi'), msg('vinte'), msg('20,5')]);
    expect(sent(actions)).toEqual(['Só números, Ana', 'Idade 20,5']);
    expect(session).toMatchObject({ vars: { age: '20,5' }, endedReason: 'completed' });
  });

  it('when a retry is pending, then the cursor counts it and keeps the original token', () => {
    const { session } = converse(version, [msg('oi'), msg('vinte')]);
    expect(session?.cursor).toEqual({ nodeId: 'age', waitingFor: 'reply', token: 'id-1', retries: 1, timerPending: true });
  });
});

describe('reply buttons', () => {
  const version = flow(
    [
      trigger(),
      node('message', 'ask', { text: 'Confirma?', buttons: [{ id: 'y', title: 'Sim' }, { id: 'n', title: 'Não' }] }),
      node('message', 'yes', { text: 'Confirmado' }),
      node('message', 'other', { text: 'Use os botões' }),
    ],
    [...chain('start', 'ask'), edge('ask', 'btn:y', 'yes'), edge('ask', 'no_match', 'other')],
  );

  it.each([
    ['the button is tapped', msg('Sim', 'y'), ['Confirma?', 'Confirmado'], 'completed'],
    ['the title is typed', msg('SIM'), ['Confirma?', 'Confirmado'], 'completed'],
    ['something else is typed', msg('talvez'), ['Confirma?', 'Use os botões'], 'completed'],
    ['the other button has no edge', msg('Não', 'n'), ['Confirma?'], 'no_edge'],
  ])('when %s, then the bot sends %j', (_case, reply, texts, ending) => {
    const { actions, session } = converse(version, [msg('oi'), reply]);
    expect(sent(actions)).toEqual(texts);
    expect(session?.endedReason).toBe(ending);
  });
});

describe('queued messages meeting a validated question', () => {
  it('when queued answers are invalid, then they are consumed as retries in order', () => {
    const version = flow(
      [
        trigger(),
        node('wait', 'pause', { mode: 'delay', delaySeconds: 1 }),
        node('wait', 'n', { expect: 'number', saveAs: 'n', maxRetries: 1, retryPrompt: 'Número?' }),
      ],
      chain('start', 'pause', 'n'),
    );
    const { actions, session } = converse(version, [msg('oi'), msg('x'), msg('7'), timer('id-1')]);
    expect(sent(actions)).toEqual(['Número?']);
    expect(session).toMatchObject({ vars: { n: '7' }, deferred: [] });
  });
});
