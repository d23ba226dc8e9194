import type { RouteDoc } from '../openapi/describe';
import { body as presenceBody } from '../presence/presence.routes';
import { acceptBody, idParams, inviteBody, memberParams, previewBody, roleBody } from './members.schemas';

export const membersDocs: RouteDoc[] = [
  { method: 'get', path: '/v1/members', tag: 'Members', summary: "The workspace's members" },
  { method: 'get', path: '/v1/me/presence', tag: 'Members', summary: "The caller's presence" },
  { method: 'put', path: '/v1/me/presence', tag: 'Members', summary: 'Set online, away or offline', body: presenceBody },
  { method: 'patch', path: '/v1/members/:userId', tag: 'Members', summary: "Change a member's role; `revokedApiKeys` counts the keys they created that their new role could not create, revoked with it", params: memberParams, body: roleBody },
  { method: 'delete', path: '/v1/members/:userId', tag: 'Members', summary: 'Remove a member (their sessions and sockets end)', params: memberParams, status: 204 },
  { method: 'post', path: '/v1/invitations', tag: 'Members', summary: 'Invite by link with a role', body: inviteBody, status: 201 },
  { method: 'get', path: '/v1/invitations', tag: 'Members', summary: 'Pending invitations' },
  { method: 'delete', path: '/v1/invitations/:id', tag: 'Members', summary: 'Revoke an invitation', params: idParams, status: 204 },
  { method: 'post', path: '/v1/auth/invitation-preview', tag: 'Members', summary: 'Whose workspace an invitation link is for, and who sent it (shown before accepting)', body: previewBody, public: true },
  { method: 'post', path: '/v1/auth/accept-invitation', tag: 'Members', summary: 'Accept an invitation: a new account, or the workspace added to an existing one', body: acceptBody, public: true },
];
