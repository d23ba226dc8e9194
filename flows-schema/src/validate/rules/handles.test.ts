import { describe, expect, it } from 'vitest';
import { codesOf, edge, flow, modelOf, node, trigger } from '../../testing/flow-builders';
import { checkHandles } from './handles';

const menu = node('menu', 'message', { text: 'Escolha', buttons: [{ id: 'yes', title: 'Sim' }] });

describe('edge handles rule', () => {
  it('when edges join existing nodes through existing handles, then nothing is reported', () => {
    const doc = flow(
      [trigger(), menu],
      [edge('start', 'next', 'menu'), edge('menu', 'btn:yes', 'menu'), edge('menu', 'no_match', 'menu')],
    );
    expect(checkHandles(modelOf(doc))).toEqual([]);
  });

  it('when an edge starts or ends at a missing node, then the missing side is reported', () => {
    const doc = flow(
      [trigger()],
      [edge('ghost', 'next', 'start', 'e1'), edge('start', 'next', 'nowhere', 'e2')],
    );
    expect(codesOf(checkHandles(modelOf(doc)))).toEqual([
      'edge_source_missing@e1:source',
      'edge_target_missing@e2:target',
    ]);
  });

  it('when an edge uses a handle the source does not have, then edge_unknown_handle is reported', () => {
    const doc = flow(
      [trigger(), menu],
      [edge('menu', 'btn:no', 'start', 'e1'), edge('menu', 'next', 'start', 'e2')],
    );
    expect(codesOf(checkHandles(modelOf(doc)))).toEqual([
      'edge_unknown_handle@e1:sourceHandle',
      'edge_unknown_handle@e2:sourceHandle',
    ]);
  });
});

describe('edge handles rule: fan-out and broken sources', () => {
  it('when two edges leave the same handle, then the second is reported', () => {
    const doc = flow(
      [trigger(), menu, node('x', 'transfer')],
      [edge('start', 'next', 'menu', 'e1'), edge('start', 'next', 'x', 'e2')],
    );
    expect(codesOf(checkHandles(modelOf(doc)))).toEqual(['duplicate_handle_edge@e2:sourceHandle']);
  });

  it('when the source config is invalid, then its handles are not judged', () => {
    const broken = { ...menu, config: { ...menu.config, buttons: 'oops' } };
    const doc = {
      ...flow([trigger()], [edge('menu', 'btn:whatever', 'start', 'e1')]),
      nodes: [trigger(), broken],
    };
    expect(checkHandles(modelOf(doc))).toEqual([]);
  });
});
