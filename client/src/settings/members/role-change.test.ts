import { describe, expect, it } from 'vitest';
import { roleChangeEffects } from './role-change';

const keys = (...args: Parameters<typeof roleChangeEffects>) => roleChangeEffects(...args).map((e) => e.key.replace('settings.members.roleEffects.', ''));

describe('what a role change is said to bring', () => {
  it('when an agent in two teams becomes a marketer, then they gain flows and lose the inbox and both teams', () => {
    expect(keys('agent', 'marketer', 2)).toEqual(['gainsBuild', 'leavesTeams']);
    expect(roleChangeEffects('agent', 'marketer', 2).at(-1)).toEqual({ key: 'settings.members.roleEffects.leavesTeams', count: 2 });
    expect(keys('agent', 'marketer', 0)).toEqual(['gainsBuild', 'losesInbox']);
  });

  it('when an admin is demoted, then losing the management of the workspace is said, and for an agent losing flows too', () => {
    expect(keys('admin', 'agent', 1)).toEqual(['losesAdmin', 'losesBuild']);
    expect(keys('admin', 'marketer', 1)).toEqual(['losesAdmin', 'leavesTeams']);
    expect(keys('owner', 'admin', 0)).toEqual(['losesOwner']);
  });

  it('when someone is made admin or owner, then what they may now manage is said once, and the inbox for a marketer', () => {
    expect(keys('agent', 'admin', 0)).toEqual(['gainsAdmin']);
    expect(keys('marketer', 'owner', 0)).toEqual(['gainsOwner', 'gainsInbox']);
    expect(keys('marketer', 'agent', 0)).toEqual(['losesBuild', 'gainsInbox']);
  });
});
