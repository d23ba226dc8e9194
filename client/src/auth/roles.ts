// What each role sees in the app. The server decides what each role may do (every route declares
// it); this only keeps people away from pages that would answer 403.
import type { WorkspaceRole } from '../api/types';

export const ROLES = ['owner', 'admin', 'marketer', 'agent'] as const;
export type Role = (typeof ROLES)[number];

export type Area = 'flows' | 'inbox' | 'contacts' | 'templates' | 'campaigns' | 'reports' | 'settings' | 'developers';
const AREAS: Record<Area, readonly Role[]> = {
  flows: ['owner', 'admin', 'marketer'],
  inbox: ['owner', 'admin', 'agent'],
  contacts: ['owner', 'admin', 'marketer'],
  templates: ['owner', 'admin', 'marketer'],
  campaigns: ['owner', 'admin', 'marketer'],
  reports: ['owner', 'admin', 'marketer'],
  settings: ['owner', 'admin', 'marketer'],
  developers: ['owner', 'admin'],
};

/** The area a path belongs to (/flows/123 → flows), or null outside the app's areas. */
export function areaOf(pathname: string): Area | null {
  const first = pathname.split('/')[1] ?? '';
  return Object.hasOwn(AREAS, first) ? (first as Area) : null;
}

export const canSee = (area: Area, role: WorkspaceRole | null): boolean =>
  role !== null && (AREAS[area] as readonly string[]).includes(role);

/** Where a role lands after signing in. */
export const homeFor = (role: WorkspaceRole | null): string => (role === 'agent' ? '/inbox' : '/flows');

export const isAdmin = (role: WorkspaceRole | null) => role === 'owner' || role === 'admin';
