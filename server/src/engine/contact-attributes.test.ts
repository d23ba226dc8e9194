// A flow reads the contact's attributes (an import's extra columns) as contact.<name>, in messages
// and conditions, whatever their letter case; its own variables never stand in for them.
import { describe, expect, it } from 'vitest';
import { step } from './interpret';
import { chain, edge, flow, msg, node, session, testContext, trigger } from './testing/fixtures';
import { evaluateRule } from './handlers/condition-rules';
import { templateVars } from './variables';

const contact = { name: 'Ana', phone: '5511987654321', tags: [], attributes: { Cidade: 'Recife', plano: 'Premium' } };
const sentTexts = (actions: Array<{ type: string; content?: { text: string } }>) =>
  actions.flatMap((a) => (a.type === 'send_message' && a.content ? [a.content.text] : []));

describe('contact attributes in a flow', () => {
  it('when a message names contact.cidade in any letter case, then it reads the contact\'s "Cidade"', () => {
    const version = flow(
      [trigger(), node('message', 'hello', { text: 'Olá {{contact.name}}, temos uma loja em {{contact.cidade}} ({{contact.CIDADE}}) {{contact.bairro | "no centro"}}' })],
      chain('start', 'hello'),
    );
    const result = step(version, null, msg('oi'), testContext({ contact }));
    expect(sentTexts(result.actions)).toEqual(['Olá Ana, temos uma loja em Recife (Recife) no centro']);
  });

  it('when a condition tests contact.plano, then the branch follows the attribute; unset reads as not set', () => {
    const branches = [{ id: 'vip', label: 'VIP', combinator: 'all' as const, rules: [{ left: 'contact.PLANO', op: 'equals' as const, right: 'premium' }] }];
    const version = flow(
      [trigger(), node('condition', 'is-vip', { branches }), node('message', 'vip', { text: 'VIP' }), node('message', 'other', { text: 'comum' })],
      [edge('start', 'next', 'is-vip'), edge('is-vip', 'branch:vip', 'vip'), edge('is-vip', 'else', 'other')],
    );
    expect(sentTexts(step(version, null, msg('oi'), testContext({ contact })).actions)).toEqual(['VIP']);
    const basic = { ...contact, attributes: { plano: 'Básico' } };
    expect(sentTexts(step(version, null, msg('oi'), testContext({ contact: basic })).actions)).toEqual(['comum']);
    const none = testContext({ contact: { ...contact, attributes: {} } });
    expect(evaluateRule({ left: 'contact.plano', op: 'is_not_set', right: '' }, session(), none)).toEqual({ ok: true });
  });

  it('when a flow variable is named contact.cidade, then it shadows neither the attribute nor, unset, reads as one', () => {
    const vars = { 'contact.cidade': 'Fake', 'contact.name': 'Fake', cidade: 'var' };
    const s = session({ vars });
    expect(templateVars(s, testContext({ contact }))).toMatchObject({ 'contact.Cidade': 'Recife', 'contact.name': 'Ana', cidade: 'var' });
    expect(templateVars(s, testContext({ contact })) ['contact.cidade']).toBeUndefined();
    expect(evaluateRule({ left: 'contact.cidade', op: 'equals', right: 'recife' }, s, testContext({ contact }))).toEqual({ ok: true });
    const without = testContext({ contact: { ...contact, attributes: {} } });
    expect(evaluateRule({ left: 'contact.cidade', op: 'is_set', right: '' }, s, without)).toEqual({ ok: false });
    const version = flow([trigger(), node('message', 'm', { text: '[{{contact.cidade}}]' })], chain('start', 'm'));
    expect(sentTexts(step(version, session({ vars, cursor: null, status: 'ended' }), msg('oi'), without).actions)).toEqual(['[]']);
  });

  it('when an attribute is called name, phone or tags, then contact.name, .phone and .tags stay the contact\'s own', () => {
    const odd = testContext({ contact: { ...contact, tags: ['vip'], attributes: { Name: 'Attr', phone: '0', tags: 'x' } } });
    const vars = templateVars(session(), odd);
    expect(vars['contact.name']).toBe('Ana');
    expect(vars['contact.Name']).toBeUndefined();
    expect(evaluateRule({ left: 'contact.tags', op: 'has_tag', right: 'vip' }, session(), odd)).toEqual({ ok: true });
  });

  it('when an Actions step sets an attribute or a tag, then later steps of the same run read it; the caller\'s context is untouched', () => {
    const actions = [
      { kind: 'set_attribute' as const, name: 'CIDADE', value: 'Olinda', tags: [] },
      { kind: 'add_tags' as const, name: '', value: '', tags: ['novo'] },
    ];
    const branches = [{ id: 'novo', label: '', combinator: 'all' as const, rules: [{ left: 'contact.tags', op: 'has_tag' as const, right: 'novo' }] }];
    const version = flow(
      [trigger(), node('actions', 'act', { actions }), node('message', 'm', { text: 'Loja em {{contact.cidade}}' }), node('condition', 'c', { branches }), node('message', 'tagged', { text: 'marcado' })],
      [...chain('start', 'act', 'm', 'c'), edge('c', 'branch:novo', 'tagged')],
    );
    const ctx = testContext({ contact });
    expect(sentTexts(step(version, null, msg('oi'), ctx).actions)).toEqual(['Loja em Olinda', 'marcado']);
    expect(ctx.contact).toEqual(contact);
  });
});
