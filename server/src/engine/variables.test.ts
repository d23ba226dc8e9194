import { describe, expect, it } from 'vitest';
import { session, testContext } from './testing/fixtures';
import { templateVars } from './variables';

describe('templateVars', () => {
  it('when the contact and session are known, then built-ins and flow variables are all available', () => {
    const vars = templateVars(session({ lastReply: 'sim', vars: { city: 'Recife' } }), testContext());
    expect(vars).toEqual({ city: 'Recife', 'contact.name': 'Ana', 'contact.phone': '5511987654321', last_reply: 'sim' });
  });

  it('when a flow variable is called last_reply, then the real last reply wins', () => {
    expect(templateVars(session({ lastReply: 'real', vars: { last_reply: 'fake' } }), testContext()).last_reply).toBe('real');
  });

  it('when the contact has no name or phone and nobody replied yet, then those names are absent', () => {
    const ctx = testContext({ contact: { name: null, phone: null, tags: [], attributes: {} } });
    expect(templateVars(session(), ctx)).toEqual({});
  });
});
