import { describe, expect, it } from 'vitest';
import { fieldsUsedBy } from './field-usage';

const node = (type: string, config: unknown) => ({ id: type, type, version: 1, position: { x: 0, y: 0 }, config });

describe('the contact fields a flow uses', () => {
  it('when a text has {{contact.<name>}} in any case, with a default or not, then the field is named once, folded', () => {
    const doc = { nodes: [node('message', { text: 'Oi {{ contact.Cidade }}, {{contact.CIDADE | "aí"}} e {{contact.pedido.ultimo}}' })] };
    expect([...fieldsUsedBy(doc)].sort()).toEqual(['cidade', 'pedido.ultimo']);
  });

  it('when a condition tests contact.<name> or an Actions step sets an attribute, then those fields are named', () => {
    const doc = {
      nodes: [
        node('condition', { branches: [{ id: 'b', label: '', combinator: 'all', rules: [{ left: 'contact.Plano', op: 'equals', right: 'ouro' }] }] }),
        node('actions', { actions: [{ kind: 'set_attribute', tags: [], name: ' Região ', value: '{{last_reply}}' }] }),
      ],
    };
    expect([...fieldsUsedBy(doc)].sort()).toEqual(['plano', 'região']);
  });

  it('when a text only looks alike, or names the contact\'s own fields or a flow variable, then no field is named', () => {
    const doc = {
      nodes: [
        node('message', { text: 'Veja contact.cidade no site, {{contact.name}} {{contact.phone}} {{cidade}}' }),
        node('condition', { branches: [{ id: 'b', label: '', combinator: 'all', rules: [{ left: 'contact.tags', op: 'has_tag', right: 'vip' }] }] }),
        node('actions', { actions: [{ kind: 'set_variable', tags: [], name: 'estado', value: '' }] }),
      ],
    };
    expect([...fieldsUsedBy(doc)]).toEqual([]);
  });

  it('when a draft and a published version differ, then the fields of both are named', () => {
    expect([...fieldsUsedBy({ text: '{{contact.a}}' }, { text: '{{contact.b}}' }, null)].sort()).toEqual(['a', 'b']);
  });
});
