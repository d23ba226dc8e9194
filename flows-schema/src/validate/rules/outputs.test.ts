import { describe, expect, it } from 'vitest';
import { codesOf, edge, flow, modelOf, node, trigger } from '../../testing/flow-builders';
import { checkOutputs } from './outputs';

describe('unconnected outputs rule', () => {
  it('when every output is connected, then nothing is reported', () => {
    const doc = flow(
      [trigger(), node('bye', 'message', { text: 'Tchau' }), node('x', 'transfer')],
      [edge('start', 'next', 'bye'), edge('bye', 'next', 'x')],
    );
    expect(checkOutputs(modelOf(doc))).toEqual([]);
  });

  it('when required outputs are open, then errors are reported per handle with its label', () => {
    const menu = node('menu', 'message', { text: 'Escolha', buttons: [{ id: 'a', title: 'Opção A' }] });
    const problems = checkOutputs(modelOf(flow([trigger(), menu], [edge('start', 'next', 'menu')])));
    expect(codesOf(problems)).toEqual([
      'output_unconnected@menu:outputs.btn:a',
      'optional_output_unconnected@menu:outputs.no_match',
    ]);
    expect(problems[0]?.params).toEqual({ label: { en: 'Opção A', 'pt-BR': 'Opção A' } });
  });

  it.each([
    ['trigger next', node('n', 'trigger', { fallback: true }), 'output_unconnected@n:outputs.next'],
    [
      'plain message next',
      node('n', 'message', { text: 'Tchau' }),
      'optional_output_unconnected@n:outputs.next',
    ],
    ['wait next', node('n', 'wait'), 'output_unconnected@n:outputs.next'],
    ['condition else', node('n', 'condition'), 'optional_output_unconnected@n:outputs.else'],
  ])('when the %s is open, then it is reported with the documented severity', (_name, n, expected) => {
    expect(codesOf(checkOutputs(modelOf(flow([n], []))))).toContain(expected);
  });
});

describe('unconnected outputs rule: special cases', () => {
  it('when the ai_reply outputs are open, then ok is an error and handoff and error are warnings', () => {
    expect(codesOf(checkOutputs(modelOf(flow([node('ai', 'ai_reply')], []))))).toEqual([
      'output_unconnected@ai:outputs.ok',
      'optional_output_unconnected@ai:outputs.handoff',
      'optional_output_unconnected@ai:outputs.error',
    ]);
  });

  it('when a node is terminal or its config is invalid, then no outputs are reported', () => {
    const broken = { ...node('w', 'wait'), config: { mode: 'nap' } };
    expect(checkOutputs(modelOf({ ...flow([], []), nodes: [node('x', 'transfer'), broken] }))).toEqual([]);
  });
});
