import { describe, expect, it } from 'vitest';
import { codesOf, edge, flow, modelOf, node, trigger } from '../../testing/flow-builders';
import { checkReachability } from './reachability';

describe('reachability rule', () => {
  it('when every node hangs off the trigger, then nothing is reported', () => {
    const doc = flow(
      [trigger(), node('a', 'message'), node('b', 'transfer')],
      [edge('start', 'next', 'a'), edge('a', 'next', 'b')],
    );
    expect(checkReachability(modelOf(doc))).toEqual([]);
  });

  it('when nodes are disconnected or only point into the flow, then each is a warning', () => {
    const doc = flow(
      [trigger(), node('island', 'message'), node('feeder', 'message')],
      [edge('feeder', 'next', 'start')],
    );
    expect(codesOf(checkReachability(modelOf(doc)))).toEqual([
      'node_unreachable@island:',
      'node_unreachable@feeder:',
    ]);
  });

  it('when an edge uses an unknown handle, then it still counts for reachability (the handle is reported elsewhere)', () => {
    const doc = flow([trigger(), node('a', 'message')], [edge('start', 'wrong', 'a')]);
    expect(checkReachability(modelOf(doc))).toEqual([]);
  });

  it('when there is no trigger, then reachability is not judged', () => {
    expect(checkReachability(modelOf(flow([node('a', 'message')], [])))).toEqual([]);
  });
});
