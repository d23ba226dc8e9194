import type { RouteDoc } from '../openapi/describe';
import { loginBody, logoutBody, refreshBody, resetConfirmBody, resetRequestBody, signupBody, switchBody } from './accounts.schemas';

const tag = 'Accounts';

export const accountsDocs: RouteDoc[] = [
  { method: 'post', path: '/v1/auth/signup', tag, summary: 'Create a workspace and its owner', body: signupBody, status: 201, public: true },
  { method: 'post', path: '/v1/auth/login', tag, summary: 'Sign in', body: loginBody, public: true },
  { method: 'post', path: '/v1/auth/refresh', tag, summary: 'Exchange a refresh token for new tokens', body: refreshBody, public: true },
  { method: 'get', path: '/v1/me', tag, summary: 'The caller, their workspace and role' },
  { method: 'post', path: '/v1/auth/logout', tag, summary: 'Revoke a refresh token', body: logoutBody, status: 204, public: true },
  { method: 'post', path: '/v1/auth/switch', tag, summary: 'Switch to another of your workspaces', body: switchBody },
  { method: 'post', path: '/v1/auth/password-reset', tag, summary: 'Ask for a password reset link', body: resetRequestBody, status: 202, public: true },
  { method: 'post', path: '/v1/auth/password-reset/confirm', tag, summary: 'Set a new password with a reset token', body: resetConfirmBody, status: 204, public: true },
];
