import { describe, expect, it } from 'vitest';
import { PUSHED_EVENT_TYPES, pushedTypesFor } from './pushed-events';

describe('pushed events by role', () => {
  it('when the role is owner or admin, then every pushed type reaches them', () => {
    expect(pushedTypesFor('owner')).toEqual(PUSHED_EVENT_TYPES);
    expect(pushedTypesFor('admin')).toEqual(PUSHED_EVENT_TYPES);
  });

  it('when the role is marketer, then no conversation, message or presence reaches them; contacts, flows, campaigns and templates do', () => {
    const types = pushedTypesFor('marketer');
    expect(types.filter((t) => /^(conversation|message|presence)\./.test(t))).toEqual([]);
    expect(types).toEqual(expect.arrayContaining(['contact.updated', 'contact.opted_out', 'flow.published', 'campaign.completed', 'template.updated']));
  });

  it('when the role is agent, then the inbox and contacts reach them, flows, campaigns and templates do not', () => {
    const types = pushedTypesFor('agent');
    expect(types).toEqual(expect.arrayContaining(['conversation.created', 'message.received', 'presence.changed', 'contact.updated']));
    expect(types.filter((t) => /^(flow|campaign|template)\./.test(t))).toEqual([]);
  });
});
