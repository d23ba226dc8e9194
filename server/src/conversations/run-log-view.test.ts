import { describe, expect, it } from 'vitest';
import { runLogNamer } from './run-log-view';

const ab = {
  id: 'ab',
  name: 'Teste de oferta',
  type: 'randomizer',
  position: { x: 0, y: 0 },
  config: { paths: [{ id: 'a', label: 'Desconto', weight: 1 }, { id: 'b', label: '', weight: 1 }] },
};
const hours = { id: 'hours', type: 'business_hours', position: { x: 0, y: 0 }, config: { timezone: 'UTC', periods: [] } };

describe('run log names', () => {
  const name = runLogNamer([
    { version_id: 'v1', node: ab },
    { version_id: 'v1', node: hours },
    { version_id: 'v1', node: { id: 'odd', type: 'randomizer', config: { paths: 'not a list' } } },
    { version_id: 'v1', node: { id: 'future', type: 'teleport', config: {} } },
  ]);

  it('when a step has a name and the outcome is one of its outputs, then both are given', () => {
    expect(name({ node_id: 'ab', outcome: 'path:a', flow_version_id: 'v1' })).toEqual({ nodeName: 'Teste de oferta', outcomeLabel: { en: 'Desconto', 'pt-BR': 'Desconto' } });
    // A path without a name is called by its letter, as on the card.
    expect(name({ node_id: 'ab', outcome: 'path:b', flow_version_id: 'v1' }).outcomeLabel).toEqual({ en: 'B', 'pt-BR': 'B' });
  });

  it("when a step has no name, then only the output's label is given, in both languages", () => {
    expect(name({ node_id: 'hours', outcome: 'closed', flow_version_id: 'v1' })).toEqual({ outcomeLabel: { en: 'Closed', 'pt-BR': 'Fechado' } });
  });

  it("when the outcome is the engine's own, the version is another, or the step is unreadable, then nothing is added", () => {
    expect(name({ node_id: 'ab', outcome: 'step_limit', flow_version_id: 'v1' })).toEqual({ nodeName: 'Teste de oferta' });
    expect(name({ node_id: 'ab', outcome: 'path:a', flow_version_id: 'v2' })).toEqual({});
    expect(name({ node_id: 'ab', outcome: 'path:a', flow_version_id: null })).toEqual({});
    expect(name({ node_id: 'odd', outcome: 'path:a', flow_version_id: 'v1' })).toEqual({});
    expect(name({ node_id: 'future', outcome: 'next', flow_version_id: 'v1' })).toEqual({});
  });
});
