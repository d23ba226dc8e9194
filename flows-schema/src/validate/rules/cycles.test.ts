import { describe, expect, it } from 'vitest';
import { codesOf, edge, flow, modelOf, node, trigger } from '../../testing/flow-builders';
import { checkCycles } from './cycles';

const say = (id: string) => node(id, 'message', { text: id });
const ask = (id: string) => node(id, 'message', { text: id, buttons: [{ id: 'again', title: 'De novo' }] });

describe('cycles rule', () => {
  it('when a loop passes a node that waits for the customer, then it is allowed', () => {
    const doc = flow(
      [trigger(), say('a'), ask('menu'), node('w', 'wait')],
      [
        edge('start', 'next', 'a'),
        edge('a', 'next', 'menu'),
        edge('menu', 'btn:again', 'a'),
        edge('menu', 'no_match', 'w'),
        edge('w', 'next', 'menu'),
      ],
    );
    expect(checkCycles(modelOf(doc))).toEqual([]);
  });

  it('when a loop never waits, then one problem names its nodes on the first one', () => {
    const doc = flow(
      [trigger(), say('a'), node('c', 'condition'), say('b')],
      [
        edge('start', 'next', 'a'),
        edge('a', 'next', 'c'),
        edge('c', 'branch:branch-1', 'b'),
        edge('b', 'next', 'a'),
      ],
    );
    const problems = checkCycles(modelOf(doc));
    expect(codesOf(problems)).toEqual(['loop_without_wait@a:']);
    expect(problems[0]?.params).toEqual({ nodes: '“a”, “c”, “b”' });
  });
});

describe('cycles rule: edge cases', () => {
  it('when a node points to itself without waiting, then it is a loop', () => {
    expect(codesOf(checkCycles(modelOf(flow([trigger(), say('a')], [edge('a', 'next', 'a')]))))).toEqual([
      'loop_without_wait@a:',
    ]);
  });

  it('when a delay wait is in the loop, then it still loops because a delay is not a customer reply', () => {
    const doc = flow(
      [say('a'), node('d', 'wait', { mode: 'delay' })],
      [edge('a', 'next', 'd'), edge('d', 'next', 'a')],
    );
    expect(codesOf(checkCycles(modelOf(doc)))).toEqual(['loop_without_wait@a:']);
  });

  it('when two separate loops exist, then each is reported once', () => {
    const doc = flow(
      [say('a'), say('b'), say('c'), say('d')],
      [edge('a', 'next', 'b'), edge('b', 'next', 'a'), edge('c', 'next', 'd'), edge('d', 'next', 'c')],
    );
    expect(codesOf(checkCycles(modelOf(doc)))).toEqual(['loop_without_wait@a:', 'loop_without_wait@c:']);
  });
});
