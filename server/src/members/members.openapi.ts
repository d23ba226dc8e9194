import type { RouteDoc } from '../openapi/describe';
import { createBody as apiKeyBody, idParams as apiKeyParams } from '../api-keys/api-keys.routes';
import { query as auditQuery } from '../audit/audit.routes';
import { body as presenceBody } from '../presence/presence.routes';
import { acceptBody, idParams, inviteBody, memberParams, roleBody } from './members.schemas';

export const membersDocs: RouteDoc[] = [
  { method: 'get', path: '/v1/members', tag: 'Members', summary: "The workspace's members" },
  { method: 'patch', path: '/v1/members/:userId', tag: 'Members', summary: "Change a member's role", params: memberParams, body: roleBody },
  { method: 'delete', path: '/v1/members/:userId', tag: 'Members', summary: 'Remove a member (their sessions end)', params: memberParams, status: 204 },
  { method: 'post', path: '/v1/invitations', tag: 'Members', summary: 'Invite by link (the URL is shown once)', body: inviteBody, status: 201 },
  { method: 'get', path: '/v1/invitations', tag: 'Members', summary: 'Pending invitations' },
  { method: 'delete', path: '/v1/invitations/:id', tag: 'Members', summary: 'Revoke an invitation', params: idParams, status: 204 },
  { method: 'post', path: '/v1/auth/accept-invitation', tag: 'Members', summary: 'Accept an invitation', body: acceptBody, public: true },
  { method: 'get', path: '/v1/me/presence', tag: 'Members', summary: "The caller's presence" },
  { method: 'put', path: '/v1/me/presence', tag: 'Members', summary: 'Set online, away or offline', body: presenceBody },
  { method: 'post', path: '/v1/api-keys', tag: 'API keys', summary: 'Create an API key (shown once)', body: apiKeyBody, status: 201 },
  { method: 'get', path: '/v1/api-keys', tag: 'API keys', summary: 'List API keys' },
  { method: 'delete', path: '/v1/api-keys/:id', tag: 'API keys', summary: 'Revoke an API key (refused at once)', params: apiKeyParams, status: 204 },
  { method: 'get', path: '/v1/audit-log', tag: 'Audit log', summary: 'Critical actions, newest first', query: auditQuery },
];
