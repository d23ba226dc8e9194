// What follows from changing a member's role, said in the confirm dialog before it is applied: what
// they gain or lose sight of, the teams they leave and the API keys that stop (member-admin.service.ts).
import type { ParseKeys } from 'i18next';
import type { Role } from '../../auth/roles';

const MANAGES: readonly Role[] = ['owner', 'admin'];
/** Roles with the inbox: only they stay in teams (a new marketer leaves theirs). */
const INBOX: readonly Role[] = ['owner', 'admin', 'agent'];
const BUILDS: readonly Role[] = ['owner', 'admin', 'marketer'];

export type RoleEffect = { key: ParseKeys; count?: number };

/** The consequences of `from` → `to`, in the order they are said; `teams`: how many teams they are in now. */
export function roleChangeEffects(from: Role, to: Role, teams: number): RoleEffect[] {
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
    effects.push(teams > 0 ? { key: 'settings.members.roleEffects.leavesTeams', count: teams } : { key: 'settings.members.roleEffects.losesInbox' });
  }
  if (!had(INBOX) && has(INBOX)) effects.push({ key: 'settings.members.roleEffects.gainsInbox' });
  return effects;
}
