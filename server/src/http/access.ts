// Who may call each route. Every route names one access level with `allow(level)` on its own line
// in its router; `access.int.test.ts` walks every route of the real app and fails on a route without
// one, then tries each role against the level it declares. Roles are not a ladder (a marketer may
// not use the inbox, an agent may not edit flows), so a level is the set of roles it admits.
import type { RequestHandler } from 'express';
import { AppError } from './app-error';

export const ROLES = ['owner', 'admin', 'marketer', 'agent'] as const;
export type Role = (typeof ROLES)[number];

export const ACCESS_LEVELS = {
  /** No user credentials: sign-up and login, health, the visitor API, provider callbacks. */
  public: null,
  /** Any signed-in member (or API key) of the workspace. */
  member: ROLES,
  /** The inbox: conversations, replies, canned responses. */
  inbox: ['owner', 'admin', 'agent'],
  /** Flows, contacts, templates and campaigns. */
  marketing: ['owner', 'admin', 'marketer'],
  /** Workspace configuration: channels, teams, settings. */
  admin: ['owner', 'admin'],
  /** The audit log. */
  owner: ['owner'],
} as const satisfies Record<string, readonly Role[] | null>;

export type Access = keyof typeof ACCESS_LEVELS;

const DECLARED = Symbol('access');
type Guard = RequestHandler & { [DECLARED]: Access };

export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);

/** True when `role` may call a route declared with `access`; public routes admit everyone. */
export function admits(access: Access, role: Role): boolean {
  const roles: readonly Role[] | null = ACCESS_LEVELS[access];
  return roles === null || roles.includes(role);
}

/** The route's declaration. Put it after requireAuth (it needs `req.auth`) and before the handler. */
export function allow(access: Access): RequestHandler {
  const guard: Guard = Object.assign<RequestHandler, { [DECLARED]: Access }>(
    (req, _res, next) => {
      if (access === 'public') return next();
      if (!req.auth) return next(new AppError('unauthorized', 'Not signed in'));
      if (!admits(access, req.auth.role)) return next(new AppError('forbidden', 'Your role does not allow this'));
      next();
    },
    { [DECLARED]: access },
  );
  return guard;
}

/** The access a handler declares, if it is a guard made by allow(). */
export const declaredAccess = (handler: unknown): Access | undefined =>
  typeof handler === 'function' ? (handler as Partial<Guard>)[DECLARED] : undefined;
