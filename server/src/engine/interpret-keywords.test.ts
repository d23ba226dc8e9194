import { describe, expect, it } from 'vitest';
import type { EngineEvent } from './events';
import { step } from './interpret';
import { chain, converse, flow, msg, node, testContext, trigger } from './testing/fixtures';

// Greets, then waits (with a timeout) for a name it saves.
const version = flow(
  [trigger(), node('message', 'hi', { text: 'Olá! Seu nome?' }), node('wait', 'name', { saveAs: 'name', timeoutSeconds: 60 })],
  chain('start', 'hi', 'name'),
);

describe('restart keywords', () => {
  it.each(['reiniciar', 'REINICIAR', '  Restart ', 'reíniciar'])(
    'when the customer sends %j mid-flow, then the pending timer is cancelled and the flow starts over',
    (text) => {
      const ctx = testContext();
      const parked = converse(version, [msg('oi')], ctx).session;
      const result = step(version, parked, msg(text), ctx);
      expect(result.actions).toEqual([
        { type: 'cancel_timer', token: 'id-1' },
        expect.objectContaining({ type: 'send_message', nodeId: 'hi' }),
        { type: 'schedule_timer', nodeId: 'name', token: 'id-2', delayMs: 60_000 },
      ]);
      expect(result.log[0]).toMatchObject({ nodeId: 'name', outcome: 'restarted' });
      expect(result.session).toMatchObject({ status: 'active', cursor: { nodeId: 'name', token: 'id-2' }, lastReply: text });
    },
  );

  it('when restarting, then saved answers and queued messages are dropped with the old run', () => {
    const llmFlow = flow([trigger(), node('ai_reply', 'ai')], chain('start', 'ai'), { restartKeywords: ['de novo'] });
    const busy = converse(llmFlow, [msg('oi'), msg('queued')]).session;
    const result = step(llmFlow, { ...busy!, vars: { x: '1' } }, msg('De Novo'), testContext());
    expect(result.session).toMatchObject({ vars: {}, deferred: [], cursor: { nodeId: 'ai', waitingFor: 'llm' } });
    expect(result.actions.map((a) => a.type)).toEqual(['call_llm']);
  });
});

describe('exit keywords', () => {
  it.each<[string, EngineEvent[]]>([
    ['waiting for a reply with a timeout', [msg('oi')]],
    ['restarted and parked again', [msg('oi'), msg('reiniciar')]],
  ])('when the customer exits while %s, then the session ends and the timer is cancelled', (_case, before) => {
    const ctx = testContext();
    const parked = converse(version, before, ctx).session;
    const token = parked?.cursor?.token;
    const result = step(version, parked, msg('Sair do BOT'), ctx);
    expect(result.actions).toEqual([{ type: 'cancel_timer', token }]);
    expect(result.session).toMatchObject({ status: 'ended', endedReason: 'exit_keyword', cursor: null });
    expect(result.log).toEqual([expect.objectContaining({ nodeId: 'name', outcome: 'exited' })]);
  });

  it('when the customer exits while the LLM thinks, then its late result is ignored', () => {
    const llmFlow = flow([trigger(), node('ai_reply', 'ai')], chain('start', 'ai'), { exitKeywords: ['tchau'] });
    const { session, actions } = converse(llmFlow, [msg('oi'), msg('Tchau'), { type: 'llm_result', token: 'id-1', text: 'x', handoff: false }]);
    expect(session).toMatchObject({ status: 'ended', endedReason: 'exit_keyword' });
    expect(actions.map((a) => a.type)).toEqual(['call_llm']);
  });

  it.each([
    ['no keywords are configured', { exitKeywords: [], restartKeywords: [] }, 'sair do bot'],
    ['a keyword normalizes to nothing', { exitKeywords: ['  '] }, ''],
    ['the keyword is only part of the message', {}, 'quero sair do bot agora'],
  ])('when %s, then the message is an ordinary reply', (_case, settings, text) => {
    const custom = flow(version.document.nodes, version.document.edges, settings);
    const { session } = converse(custom, [msg('oi'), msg(text)]);
    expect(session).toMatchObject({ status: 'ended', endedReason: 'no_edge', vars: { name: text } });
  });

  it('when a keyword starts a conversation with no session, then the flow simply starts', () => {
    const result = step(version, null, msg('sair do bot'), testContext());
    expect(result.session).toMatchObject({ status: 'active', cursor: { nodeId: 'name' } });
  });
});
