import { describe, expect, it } from 'vitest';
import type { Member } from '../api/inbox-types';
import { createInboxStore } from './inbox-store';
import { presenceShown } from './people-slice';

const member = (userId: string, presence?: Member['presence']): Member => ({ userId, email: `${userId}@example.com`, name: userId, role: 'agent', teamIds: [], presence });

describe('presence in the assign menu', () => {
  it('when the members list was read before the agent\'s socket counted, then the agent\'s own dot shows what the header knows', () => {
    const store = createInboxStore();
    store.getState().setMembers([member('me', 'offline'), member('bruno', 'offline'), member('carla')]);
    store.getState().setMine('me', 'online');
    const shown = () => store.getState().members.map((m) => presenceShown(store.getState(), m));
    expect(shown()).toEqual(['online', 'offline', 'offline']);
    store.getState().setMine('me', 'away');
    expect(shown()).toEqual(['away', 'offline', 'offline']);
  });

  it('when a presence change about the agent arrives (chosen in another tab), then their own dot follows it', () => {
    const store = createInboxStore();
    store.getState().setMembers([member('me', 'online')]);
    store.getState().setMine('me', 'online');
    store.getState().setPresenceOf('me', 'away');
    expect(store.getState().mine).toEqual({ userId: 'me', status: 'away' });
    expect(presenceShown(store.getState(), store.getState().members[0]!)).toBe('away');
  });

  it('when nothing is known of the agent yet, then every dot reads as last heard, and an unknown one as offline', () => {
    const store = createInboxStore();
    store.getState().setMembers([member('me', 'online'), member('bruno')]);
    expect(store.getState().members.map((m) => presenceShown(store.getState(), m))).toEqual(['online', 'offline']);
    // Another person's status kept in this tab (signed in as someone else before) is not this member's.
    store.getState().setMine('someone-else', 'away');
    expect(presenceShown(store.getState(), store.getState().members[0]!)).toBe('online');
  });
});
