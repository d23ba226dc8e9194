import { describe, expect, it } from 'vitest';
import { actionsNode } from './actions';

const ctx = (declared: string[] = []) => ({ declaredVariables: new Set(declared) });
const row = (kind: 'add_tags' | 'remove_tags' | 'set_variable' | 'set_attribute', over: { tags?: string[]; name?: string; value?: string } = {}) => ({
  kind, tags: [], name: '', value: '', ...over,
});

describe('actions node', () => {
  it('when created with its defaults, then the config parses, offers one tag row and has one required output', () => {
    expect(actionsNode.config.parse(actionsNode.defaults())).toEqual(actionsNode.defaults());
    expect(actionsNode.defaults().actions.map((a) => a.kind)).toEqual(['add_tags']);
    expect(actionsNode.outputs(actionsNode.defaults()).map((o) => [o.id, o.required])).toEqual([['next', true]]);
    expect(actionsNode.waitsForCustomer(actionsNode.defaults())).toBe(false);
  });

  it.each([
    ['an unknown kind', { actions: [{ ...row('add_tags'), kind: 'delete_contact' }] }],
    ['a tag longer than 64 characters', { actions: [row('add_tags', { tags: ['x'.repeat(65)] })] }],
    ['more than 20 actions', { actions: Array.from({ length: 21 }, () => row('add_tags', { tags: ['a'] })) }],
  ])('when the config has %s, then the schema rejects it', (_name, value) => {
    expect(actionsNode.config.safeParse(value).success).toBe(false);
  });

  it('when rows are incomplete, then check names each one; a complete flow has no problems', () => {
    const config = {
      actions: [row('add_tags'), row('set_variable', { value: 'x' }), row('set_variable', { name: 'plano' }), row('set_attribute', { name: 'bad key!' })],
    };
    expect(actionsNode.check?.(config, ctx())).toEqual([
      { code: 'required_field', path: 'actions.0.tags' },
      { code: 'required_field', path: 'actions.1.name' },
      { code: 'undeclared_variable', path: 'actions.2.name', params: { name: 'plano' } },
      { code: 'attribute_name_invalid', path: 'actions.3.name', params: { name: 'bad key!' } },
    ]);
    const ok = { actions: [row('remove_tags', { tags: ['frio'] }), row('set_variable', { name: 'plano', value: '{{last_reply}}' }), row('set_attribute', { name: 'cidade', value: 'Recife' })] };
    expect(actionsNode.check?.(ok, ctx(['plano']))).toEqual([]);
  });

  it('when an attribute name is one a contact can have (accents included), then the step may set it; a space or a reserved name may not', () => {
    const names = (...list: string[]) => actionsNode.check?.({ actions: list.map((name) => row('set_attribute', { name, value: 'x' })) }, ctx());
    expect(names('aniversário', 'Região', 'data_de_nascimento', 'e-mail')).toEqual([]);
    expect(names('data de nascimento', 'constructor')?.map((p) => p.code)).toEqual(['attribute_name_invalid', 'attribute_name_invalid']);
  });

  it('when asked for templates and a summary, then values and tags are templates and the card lists the actions', () => {
    const config = { actions: [row('add_tags', { tags: ['lead', '{{origem}}'] }), row('set_variable', { name: 'plano', value: '{{last_reply}}' })] };
    expect(actionsNode.templates(config)).toEqual([
      { path: 'actions.0.tags.0', text: 'lead' },
      { path: 'actions.0.tags.1', text: '{{origem}}' },
      { path: 'actions.1.value', text: '{{last_reply}}' },
    ]);
    expect(actionsNode.summary(config)).toBe('+lead, {{origem}} · plano = {{last_reply}}');
    expect(actionsNode.summary({ actions: [row('set_attribute', { name: 'cidade', value: 'Recife' })] }, 'pt-BR')).toBe('contato.cidade = Recife');
  });
});
