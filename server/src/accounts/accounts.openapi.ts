import type { RouteDoc } from '../openapi/describe';
import { loginBody, refreshBody, signupBody } from './accounts.schemas';

export const accountsDocs: RouteDoc[] = [
  { method: 'post', path: '/v1/auth/signup', tag: 'Accounts', summary: 'Create a workspace and its owner', body: signupBody, status: 201, public: true },
  { method: 'post', path: '/v1/auth/login', tag: 'Accounts', summary: 'Sign in', body: loginBody, public: true },
  { method: 'post', path: '/v1/auth/refresh', tag: 'Accounts', summary: 'Exchange a refresh token for new tokens', body: refreshBody, public: true },
  { method: 'get', path: '/v1/me', tag: 'Accounts', summary: 'The caller, their workspace and role' },
];
