import { describe, expect, it } from 'vitest';
import type { FlowNode } from '@zyntra/flows-schema';
import { step } from './interpret';
import { chain, converse, edge, flow, msg, node, NOW, session, testContext, trigger } from './testing/fixtures';

const outcomes = (log: { nodeId: string | null; outcome: string }[]) => log.map((e) => `${e.nodeId}:${e.outcome}`);

describe('step: starting a conversation', () => {
  const version = flow(
    [trigger(), node('message', 'hello', { text: 'Oi {{contact.name}}! Você disse "{{last_reply}}"' })],
    chain('start', 'hello'),
  );

  it('when there is no session and a message arrives, then it starts at the trigger and walks on', () => {
    const result = step(version, null, msg('Oi'), testContext());
    expect(result.actions[0]).toMatchObject({ type: 'send_message', nodeId: 'hello', content: { text: 'Oi Ana! Você disse "Oi"' } });
    expect(result.session).toMatchObject({ flowId: 'flow-1', versionId: 'v1', lastReply: 'Oi' });
    expect(result.log[0]).toEqual({ at: NOW, nodeId: 'start', nodeType: 'trigger', outcome: 'entered' });
  });

  it('when the previous session ended and a message arrives, then a fresh session starts', () => {
    const ended = session({ status: 'ended', endedReason: 'completed', vars: { old: '1' } });
    const result = step(version, ended, msg('de novo'), testContext());
    expect(result.session).toMatchObject({ vars: {}, lastReply: 'de novo' });
    expect(result.actions[0]).toMatchObject({ type: 'send_message', nodeId: 'hello' });
  });

  it.each([
    ['no session', null],
    ['an ended session', session({ status: 'ended', endedReason: 'completed' })],
  ])('when there is %s and a non-message event arrives, then nothing happens', (_case, current) => {
    for (const event of [
      { type: 'timer_fired', token: 't' },
      { type: 'llm_result', token: 't', text: 'x', handoff: false },
      { type: 'llm_failed', token: 't', reason: 'x' },
      { type: 'send_failed', messageId: 'm', reason: 'x' },
    ] as const) {
      expect(step(version, current, event, testContext())).toEqual({ session: current, actions: [], log: [] });
    }
  });
});

describe('step: how a walk ends', () => {
  it.each([
    [
      'an optional handle is left open (plain closing message)',
      flow([trigger(), node('message', 'bye', { text: 'Tchau' })], chain('start', 'bye')),
      'completed',
      ['start:entered', 'bye:entered', 'bye:no_edge'],
      'flow.completed',
    ],
    ['a required handle has no edge', flow([trigger()], []), 'no_edge', ['start:entered', 'start:no_edge'], 'flow.failed'],
    [
      'an edge points at a node that does not exist',
      flow([trigger()], [edge('start', 'next', 'ghost')]),
      'unknown_node',
      ['start:entered', 'null:unknown_node'],
      'flow.failed',
    ],
    ['the document has no trigger', flow([node('message', 'm')], []), 'no_trigger', ['null:no_trigger'], 'flow.failed'],
    [
      'a transfer is reached',
      flow([trigger(), node('transfer', 'tr')], chain('start', 'tr')),
      'transferred',
      ['start:entered', 'tr:transferred'],
      'conversation.transferred',
    ],
  ])('when %s, then the session ends as %s', (_case, version, reason, log, eventName) => {
    const result = step(version, null, msg('oi'), testContext());
    expect(result.session).toMatchObject({ status: 'ended', endedReason: reason, cursor: null });
    expect(outcomes(result.log)).toEqual(log);
    expect(result.actions.at(-1)).toMatchObject({ type: 'emit_event', name: eventName });
  });

  it('when a node has a type this build does not know, then the session ends as unknown_node', () => {
    const sticker = { id: 'x', type: 'sticker', position: { x: 0, y: 0 }, config: {} } as unknown as FlowNode;
    const result = step(flow([trigger(), sticker], chain('start', 'x')), null, msg('oi'), testContext());
    expect(result.log.at(-1)).toMatchObject({ nodeId: 'x', outcome: 'unknown_node', error: 'unknown node type sticker' });
    expect(result.session).toMatchObject({ status: 'ended', endedReason: 'unknown_node' });
  });

  it('when the parked node is missing from the version, then resuming ends the session instead of throwing', () => {
    const version = flow([trigger()], []);
    const parked = session({ cursor: { nodeId: 'gone', waitingFor: 'reply', token: null, retries: 0 } });
    const result = step(version, parked, msg('oi'), testContext());
    expect(result.session).toMatchObject({ status: 'ended', endedReason: 'unknown_node' });
  });

  it('when a required handle has no edge, then the log names the handle as the error', () => {
    const result = step(flow([trigger()], []), null, msg('oi'), testContext());
    expect(result.log.at(-1)).toEqual({ at: NOW, nodeId: 'start', nodeType: 'trigger', outcome: 'no_edge', error: 'next' });
  });
});

describe('step: runaway loops', () => {
  // Two conditions that always send each other to "else": a cycle no customer input can break.
  const loop = flow(
    [trigger(), node('condition', 'c1', { branches: [] }), node('condition', 'c2', { branches: [] })],
    [edge('start', 'next', 'c1'), edge('c1', 'else', 'c2'), edge('c2', 'else', 'c1')],
  );

  it.each([1, 7, 50])('when a cycle of conditions runs with maxSteps %i, then it stops after that many nodes', (maxSteps) => {
    const result = step(loop, null, msg('oi'), testContext({ limits: { maxSteps, maxDeferred: 20 } }));
    expect(result.log.filter((e) => e.outcome !== 'step_limit')).toHaveLength(maxSteps);
    expect(result.log.at(-1)).toMatchObject({ outcome: 'step_limit', error: 'step_limit_exceeded' });
    expect(result.session).toMatchObject({ status: 'ended', endedReason: 'step_limit' });
    expect(result.actions).toEqual([expect.objectContaining({ type: 'emit_event', name: 'flow.failed' })]);
  });
});

describe('step: purity and invariants', () => {
  const version = flow(
    [trigger(), node('wait', 'w', { saveAs: 'name' }), node('message', 'm', { text: '{{name}}' })],
    chain('start', 'w', 'm'),
  );

  it('when stepping, then the session passed in is left untouched', () => {
    const { session: parked } = converse(version, [msg('oi')]);
    const before = structuredClone(parked);
    step(version, parked, msg('Ana'), testContext());
    expect(parked).toEqual(before);
  });

  it('when the same inputs are stepped twice, then the outputs are identical', () => {
    expect(converse(version, [msg('oi'), msg('Ana')])).toEqual(converse(version, [msg('oi'), msg('Ana')]));
  });

  it('when a send fails, then it is only logged', () => {
    const { session: parked } = converse(version, [msg('oi')]);
    const result = step(version, parked!, { type: 'send_failed', messageId: 'out-1', reason: 'blocked' }, testContext());
    expect(result.actions).toEqual([]);
    expect(result.session).toEqual(parked);
    expect(result.log).toEqual([{ at: NOW, nodeId: null, nodeType: null, outcome: 'send_failed', error: 'out-1: blocked' }]);
  });

  it('when a session is stepped with another version, then it throws (the runner pins versions)', () => {
    const { session: parked } = converse(version, [msg('oi')]);
    expect(() => step({ ...version, versionId: 'v2' }, parked, msg('x'), testContext())).toThrow();
  });

  it('when an active session has no cursor, then it throws (broken invariant)', () => {
    expect(() => step(version, session(), msg('x'), testContext())).toThrow();
  });
});
