import { describe, expect, it } from 'vitest';
import { transferNode } from './transfer';

describe('transfer node', () => {
  it('when given a team, a message and tags, then the schema accepts it', () => {
    const valid = { team: 'sales', message: 'Aguarde, {{contact.name}}', tags: ['lead'] };
    expect(transferNode.config.safeParse(valid).success).toBe(true);
    expect(transferNode.config.parse(transferNode.defaults())).toEqual(transferNode.defaults());
  });

  it.each([
    ['team missing', { message: '', tags: [] }],
    ['tags not strings', { team: null, message: '', tags: [1] }],
    ['message null', { team: null, message: null, tags: [] }],
  ])('when the config has %s, then the schema rejects it', (_name, value) => {
    expect(transferNode.config.safeParse(value).success).toBe(false);
  });

  it('when asked for outputs, then it has none because the conversation leaves the bot', () => {
    expect(transferNode.outputs(transferNode.defaults())).toEqual([]);
  });

  it('when the message is empty, then a warning says the customer is told nothing; with a message, nothing', () => {
    const ctx = { declared: new Set<string>() } as never;
    expect(transferNode.check!({ team: null, message: '  ', tags: [] }, ctx)).toEqual([{ code: 'transfer_message_empty', path: 'message' }]);
    expect(transferNode.check!({ team: null, message: 'Um atendente já vai falar com você.', tags: [] }, ctx)).toEqual([]);
  });

  it('when asked for templates and a summary, then the message is a template and the card names the team', () => {
    const config = { team: 'sales', message: 'Oi {{contact.name}}', tags: [] };
    expect(transferNode.templates(config)).toEqual([{ path: 'message', text: 'Oi {{contact.name}}' }]);
    expect(transferNode.summary(config)).toBe('sales');
    expect(transferNode.summary(transferNode.defaults(), 'pt-BR')).toBe('Qualquer atendente');
  });
});
