import { describe, expect, it } from 'vitest';
import { codesOf, flow, modelOf, node } from '../../testing/flow-builders';
import { toProblem } from '../problems';
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
      'button_title_required@m:config.buttons.0.title',
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

  it('when a check reports a generic problem on a field, then the message names the field by its label, in each language', () => {
    const doc = flow([node('h', 'http_request', { url: '', mappings: [{ path: 'a', variable: null }] })], []);
    const messages = checkNodes(modelOf(doc)).map((draft) => toProblem(draft).message);
    expect(messages).toEqual([
      { en: '“URL” is required.', 'pt-BR': '“URL” é obrigatório.' },
      { en: '“Save in” is required.', 'pt-BR': '“Salvar em” é obrigatório.' },
    ]);
  });
});
