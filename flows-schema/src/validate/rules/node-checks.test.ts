import { describe, expect, it } from 'vitest';
import { codesOf, flow, modelOf, node } from '../../testing/flow-builders';
import { checkNodes } from './node-checks';

describe('node checks rule', () => {
  it('when a node check finds problems, then they carry the node id and a config-relative path', () => {
    const doc = flow(
      [
        node('m', 'message', { text: 'x', buttons: [{ id: 'a', title: '' }] }),
        node('w', 'wait', { saveAs: 'nope' }),
      ],
      [],
    );
    expect(codesOf(checkNodes(modelOf(doc)))).toEqual([
      'title_required@m:config.buttons.0.title',
      'undeclared_variable@w:config.saveAs',
    ]);
  });

  it('when declared variables are in settings, then node checks see them', () => {
    expect(checkNodes(modelOf(flow([node('w', 'wait', { saveAs: 'email' })], [], ['email'])))).toEqual([]);
  });

  it('when a node config failed its schema, then its check is skipped', () => {
    const broken = { ...node('m', 'message'), config: { text: 1 } };
    expect(checkNodes(modelOf({ ...flow([], []), nodes: [broken] }))).toEqual([]);
  });
});
