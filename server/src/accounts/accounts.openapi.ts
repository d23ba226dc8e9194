import { z } from 'zod';
import { ROLES } from '../http/access';
import type { RouteDoc } from '../openapi/describe';
import { changePasswordBody, loginBody, logoutBody, refreshBody, renameMeBody, renameWorkspaceBody, resetConfirmBody, resetRequestBody, signupBody, switchBody } from './accounts.schemas';

// What accounts.service.ts answers (documentation only).
const role = z.enum(ROLES);
const user = z.object({ id: z.uuid(), email: z.string(), name: z.string() });
const workspace = z.object({ id: z.uuid(), name: z.string() });
const tokens = z.object({
  token: z.string().describe('Access token: `Authorization: Bearer <token>`'),
  refreshToken: z.string().describe('For POST /v1/auth/refresh, once: its answer holds the next one, and a used token presented again ends the login'),
});
/** accounts.service.ts issueSession: what signing up, signing in and accepting an invitation answer. */
export const session = tokens.extend({ user, workspace, role });
const me = z.object({
  user, workspace, role: role.describe("The caller's role here (an API key's own role)"),
  workspaces: z.array(workspace.extend({ role })).describe("The person's workspaces; with an API key, only its own"),
});

export const accountsDocs: RouteDoc[] = [
  { method: 'post', path: '/v1/auth/signup', tag: 'Accounts', summary: 'Create a workspace and its owner', body: signupBody, status: 201, public: true, response: session },
  { method: 'post', path: '/v1/auth/login', tag: 'Accounts', summary: 'Sign in', body: loginBody, public: true, response: session },
  { method: 'post', path: '/v1/auth/refresh', tag: 'Accounts', summary: 'Exchange a refresh token for new tokens (401 when it is invalid, expired or used already)', body: refreshBody, public: true, response: tokens },
  { method: 'get', path: '/v1/me', tag: 'Accounts', summary: 'The caller, their workspace and role', response: me },
  { method: 'patch', path: '/v1/me', tag: 'Accounts', summary: "Change the caller's own name, as their team sees it (403 with an API key)", body: renameMeBody, response: z.object({ user }) },
  { method: 'post', path: '/v1/me/password', tag: 'Accounts', summary: "Change the caller's password with the current one (400 with a `wrong_password` issue when it is not right; 403 with an API key). Every other login of that person ends, in every workspace; this one stays", body: changePasswordBody, status: 204 },
  { method: 'post', path: '/v1/auth/logout', tag: 'Accounts', summary: 'Sign out: revoke the refresh token and its login', body: logoutBody, status: 204, public: true },
  { method: 'patch', path: '/v1/settings/workspace', tag: 'Settings', summary: 'Rename the workspace (owners and admins)', body: renameWorkspaceBody, response: workspace },
  { method: 'post', path: '/v1/auth/switch', tag: 'Accounts', summary: "Tokens for another of the caller's workspaces (403 with an API key)", body: switchBody,
    response: tokens.extend({ workspace, role: role.describe("The caller's role in that workspace") }) },
  { method: 'post', path: '/v1/auth/password-reset', tag: 'Accounts', summary: 'Mail a password-reset link (always answers the same)', body: resetRequestBody, status: 202, public: true,
    response: z.object({
      sendsEmail: z.boolean().describe('false when this server has no SMTP_URL: no email goes out, and whoever runs the server makes a link with `npm run password:reset-link`. It depends on the server only, never on the address'),
    }).strict().describe('The same whether the email has an account or not') },
  { method: 'post', path: '/v1/auth/password-reset/confirm', tag: 'Accounts', summary: 'Set a new password with the mailed token', body: resetConfirmBody, status: 204, public: true },
];
