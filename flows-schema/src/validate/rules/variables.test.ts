import { describe, expect, it } from 'vitest';
import { codesOf, flow, modelOf, node } from '../../testing/flow-builders';
import { checkDeclaredVariables, checkTemplates } from './variables';

describe('declared variables rule', () => {
  it('when names are unique and not built-in, then nothing is reported', () => {
    expect(checkDeclaredVariables(modelOf(flow([], [], ['email', 'order_id'])))).toEqual([]);
  });

  it('when a name repeats or shadows a built-in, then it is reported on the settings path', () => {
    expect(codesOf(checkDeclaredVariables(modelOf(flow([], [], ['email', 'last_reply', 'email']))))).toEqual([
      'reserved_variable_name@-:settings.variables.1.name',
      'duplicate_variable@-:settings.variables.2.name',
    ]);
  });

  it('when a name is under "contact.", then it is reserved: it would shadow the contact\'s attribute', () => {
    expect(codesOf(checkDeclaredVariables(modelOf(flow([], [], ['contact.cidade', 'contact.tags', 'cidade']))))).toEqual([
      'reserved_variable_name@-:settings.variables.0.name',
      'reserved_variable_name@-:settings.variables.1.name',
    ]);
  });
});

describe('template variables rule', () => {
  it('when templates use built-ins and declared variables, then nothing is reported', () => {
    const doc = flow(
      [node('m', 'message', { text: '{{contact.name}} {{contact.phone}} {{last_reply}} {{email|"-"}}' })],
      [],
      ['email'],
    );
    expect(checkTemplates(modelOf(doc))).toEqual([]);
  });

  it('when a template reads a contact attribute as contact.<name>, in any case or a long name, then nothing is reported', () => {
    const long = 'a'.repeat(64);
    const doc = flow([node('m', 'message', { text: `{{contact.cidade}} {{ contact.CIDADE | "?" }} {{contact.Observação}} {{contact.${long}}}` })], []);
    expect(checkTemplates(modelOf(doc))).toEqual([]);
  });

  it('when contact. is followed by no attribute name, or by a built-in in another case, then it is undeclared', () => {
    const doc = flow([node('m', 'message', { text: '{{contact.}} {{contact.NAME}} {{contact.__proto__}}' })], []);
    expect(checkTemplates(modelOf(doc)).map((p) => p.params)).toEqual([{ name: 'contact.' }, { name: 'contact.NAME' }, { name: 'contact.__proto__' }]);
  });

  it('when a template uses an undeclared variable, then it is reported once per name with the config path', () => {
    const nodes = [
      node('m', 'message', { text: '{{ nome }} e {{nome}}' }),
      node('t', 'transfer', { message: '{{ticket}}' }),
      node('ai', 'ai_reply', { systemPrompt: '{{persona}}' }),
      node('w', 'wait', { retryPrompt: '{{hint}}' }),
    ];
    expect(codesOf(checkTemplates(modelOf(flow(nodes, []))))).toEqual([
      'undeclared_variable@m:config.text',
      'undeclared_variable@t:config.message',
      'undeclared_variable@ai:config.systemPrompt',
      'undeclared_variable@w:config.retryPrompt',
    ]);
  });

  it('when braces hold something that is not a placeholder, then a malformed_placeholder warning names it', () => {
    const problems = checkTemplates(
      modelOf(flow([node('m', 'message', { text: 'Oi {{ contact email }}' })], [])),
    );
    expect(problems).toEqual([
      {
        code: 'malformed_placeholder',
        nodeId: 'm',
        path: 'config.text',
        params: { text: '{{ contact email }}' },
      },
    ]);
  });
});
