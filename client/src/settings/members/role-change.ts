// What follows from changing a member's role, said in the confirm dialog before it is applied: what
// they gain or lose sight of, the teams they leave and the API keys that stop (member-admin.service.ts).
import type { ParseKeys } from 'i18next';
import type { Role } from '../../auth/roles';

const MANAGES: readonly Role[] = ['owner', 'admin'];
/** Roles with the inbox: only they stay in teams (a new marketer leaves theirs). */
const INBOX: readonly Role[] = ['owner', 'admin', 'agent'];
const BUILDS: readonly Role[] = ['owner', 'admin', 'marketer'];

/** `teams`: the names of the teams they leave, said as one list ("Sales and Support"). */
export type RoleEffect = { key: ParseKeys; count?: number; teams?: string[] };

/**
 * The consequences of `from` → `to`, in the order they are said. `teams`: the name of each team they
 * are in now, undefined for one whose name is not known (the teams list did not load): then only how many.
 */
export function roleChangeEffects(from: Role, to: Role, teams: readonly (string | undefined)[]): RoleEffect[] {
  const effects: RoleEffect[] = [];
  const had = (list: readonly Role[]) => list.includes(from);
  const has = (list: readonly Role[]) => list.includes(to);
  if (to === 'owner') effects.push({ key: 'settings.members.roleEffects.gainsOwner' });
  else if (has(MANAGES) && !had(MANAGES)) effects.push({ key: 'settings.members.roleEffects.gainsAdmin' });
  if (from === 'owner' && to === 'admin') effects.push({ key: 'settings.members.roleEffects.losesOwner' });
  if (had(MANAGES) && !has(MANAGES)) effects.push({ key: 'settings.members.roleEffects.losesAdmin' });
  if (!had(BUILDS) && to === 'marketer') effects.push({ key: 'settings.members.roleEffects.gainsBuild' });
  if (had(BUILDS) && !has(BUILDS)) effects.push({ key: 'settings.members.roleEffects.losesBuild' });
  if (had(INBOX) && !has(INBOX)) {
    effects.push(leavesTeams(teams));
  }
  if (!had(INBOX) && has(INBOX)) effects.push({ key: 'settings.members.roleEffects.gainsInbox' });
  return effects;
}

function leavesTeams(teams: readonly (string | undefined)[]): RoleEffect {
  if (teams.length === 0) return { key: 'settings.members.roleEffects.losesInbox' };
  const named = teams.filter((t): t is string => t !== undefined);
  if (named.length < teams.length) return { key: 'settings.members.roleEffects.leavesTeams', count: teams.length };
  return { key: 'settings.members.roleEffects.leavesNamedTeams', count: named.length, teams: [...named].sort((a, b) => a.localeCompare(b)) };
}

/** Names as one list in the UI language: "Sales and Support", "Vendas e Suporte". */
export const listOf = (names: readonly string[], locale: string) => new Intl.ListFormat(locale, { type: 'conjunction' }).format(names);
