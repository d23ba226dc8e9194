import { describe, expect, it } from 'vitest';
import { codesOf, edge, flow, modelOf, node, trigger } from '../../testing/flow-builders';
import { checkDuplicateIds } from './duplicate-ids';

describe('duplicate ids rule', () => {
  it('when ids are unique, then nothing is reported', () => {
    expect(
      checkDuplicateIds(modelOf(flow([trigger(), node('m', 'message')], [edge('start', 'next', 'm')]))),
    ).toEqual([]);
  });

  it('when a node id is used again, then each later copy is reported on its id', () => {
    const doc = flow([trigger(), node('m', 'message'), node('m', 'wait'), node('m', 'transfer')], []);
    expect(codesOf(checkDuplicateIds(modelOf(doc)))).toEqual([
      'duplicate_node_id@m:id',
      'duplicate_node_id@m:id',
    ]);
  });

  it('when an edge id is used again, then the later edge is reported', () => {
    const doc = flow(
      [trigger(), node('m', 'message')],
      [edge('start', 'next', 'm', 'e'), edge('m', 'next', 'start', 'e')],
    );
    expect(codesOf(checkDuplicateIds(modelOf(doc)))).toEqual(['duplicate_edge_id@e:id']);
  });
});
