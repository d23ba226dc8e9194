import { describe, expect, it } from 'vitest';
import { listOf, roleChangeEffects } from './role-change';

const keys = (...args: Parameters<typeof roleChangeEffects>) => roleChangeEffects(...args).map((e) => e.key.replace('settings.members.roleEffects.', ''));

describe('what a role change is said to bring', () => {
  it('when an agent in two teams becomes a marketer, then they gain flows and lose the inbox and both teams', () => {
    expect(keys('agent', 'marketer', ['Vendas', 'Suporte'])).toEqual(['gainsBuild', 'leavesNamedTeams']);
    expect(roleChangeEffects('agent', 'marketer', ['Vendas', 'Suporte']).at(-1)).toEqual({ key: 'settings.members.roleEffects.leavesNamedTeams', count: 2, teams: ['Suporte', 'Vendas'] });
    expect(keys('agent', 'marketer', [])).toEqual(['gainsBuild', 'losesInbox']);
  });

  it('when the name of a team they are in is not known (the teams list did not load), then how many teams they leave is said', () => {
    expect(roleChangeEffects('agent', 'marketer', ['Vendas', undefined]).at(-1)).toEqual({ key: 'settings.members.roleEffects.leavesTeams', count: 2 });
  });

  it('when the teams they leave are listed, then the list reads as a sentence in the UI language', () => {
    expect(listOf(['Sales'], 'en')).toBe('Sales');
    expect(listOf(['Sales', 'Support'], 'en')).toBe('Sales and Support');
    expect(listOf(['Sales', 'Support', 'VIP'], 'en')).toBe('Sales, Support, and VIP');
    expect(listOf(['Vendas', 'Suporte', 'VIP'], 'pt-BR')).toBe('Vendas, Suporte e VIP');
  });

  it('when an admin is demoted, then losing the management of the workspace is said, and for an agent losing flows too', () => {
    expect(keys('admin', 'agent', ['Vendas'])).toEqual(['losesAdmin', 'losesBuild']);
    expect(keys('admin', 'marketer', ['Vendas'])).toEqual(['losesAdmin', 'leavesNamedTeams']);
    expect(keys('owner', 'admin', [])).toEqual(['losesOwner']);
  });

  it('when someone is made admin or owner, then what they may now manage is said once, and the inbox for a marketer', () => {
    expect(keys('agent', 'admin', [])).toEqual(['gainsAdmin']);
    expect(keys('marketer', 'owner', [])).toEqual(['gainsOwner', 'gainsInbox']);
    expect(keys('marketer', 'agent', [])).toEqual(['losesBuild', 'gainsInbox']);
  });
});
