import { z } from 'zod';
import { session } from '../accounts/accounts.openapi';
import { ROLES } from '../http/access';
import type { RouteDoc } from '../openapi/describe';
import { body as presenceBody } from '../presence/presence.routes';
import { PRESENCE_STATUSES } from '../presence/presence.store';
import { acceptBody, idParams, inviteBody, memberParams, previewBody, roleBody } from './members.schemas';

/** members.service.ts listMembers: who can be assigned chats, with what others see of them. */
const member = z.object({
  userId: z.uuid(), email: z.string(), name: z.string(), role: z.enum(ROLES), teamIds: z.array(z.uuid()),
  presence: z.enum(PRESENCE_STATUSES).describe('offline when presence cannot be read'),
  openCount: z.int().describe('Open conversations they hold'),
}).loose();

/** invitations.service.ts invitationView: a pending invitation (its link is shown only when created). */
const invitation = z.object({ id: z.uuid(), email: z.string(), role: z.enum(ROLES), expiresAt: z.iso.datetime(), createdAt: z.iso.datetime() }).loose();

const presence = z.object({ status: z.enum(PRESENCE_STATUSES) });

/** invitations.service.ts previewInvitation: what the link's page shows before the person accepts. */
const preview = z.object({
  email: z.string().describe('Who was invited: the account to create, or to sign in with'), role: z.enum(ROLES),
  workspace: z.object({ name: z.string() }),
  invitedBy: z.object({ name: z.string() }).nullable().describe("null when the inviter's account no longer exists"),
  expiresAt: z.iso.datetime(),
});

export const membersDocs: RouteDoc[] = [
  { method: 'get', path: '/v1/members', tag: 'Members', summary: "The workspace's members", response: z.object({ items: z.array(member) }) },
  { method: 'get', path: '/v1/me/presence', tag: 'Members', summary: "The caller's presence", response: presence },
  { method: 'put', path: '/v1/me/presence', tag: 'Members', summary: 'Set online, away or offline', body: presenceBody, response: presence },
  { method: 'patch', path: '/v1/members/:userId', tag: 'Members', summary: "Change a member's role; `revokedApiKeys` counts the keys they created that their new role could not create, revoked with it", params: memberParams, body: roleBody,
    response: z.object({ userId: z.uuid(), role: z.enum(ROLES), revokedApiKeys: z.int() }) },
  { method: 'delete', path: '/v1/members/:userId', tag: 'Members', summary: 'Remove a member (their sessions and sockets end)', params: memberParams, status: 204 },
  { method: 'post', path: '/v1/invitations', tag: 'Members', summary: 'Invite by link with a role', body: inviteBody, status: 201,
    response: invitation.extend({
      url: z.string().describe('The link to accept, with its one-time token: shown only here'),
      replaced: z.boolean().describe('True when this address had a pending invitation: it was revoked, and its link no longer works'),
      emailed: z.boolean().describe('False when this server has no mail transport (SMTP_URL unset): no email went out, and the link is the only way to join'),
    }) },
  { method: 'get', path: '/v1/invitations', tag: 'Members', summary: 'Pending invitations', response: z.object({
    items: z.array(invitation),
    sendsEmail: z.boolean().describe('False when this server has no mail transport (SMTP_URL unset): a new invitation is not emailed, its link must be handed over'),
  }) },
  { method: 'delete', path: '/v1/invitations/:id', tag: 'Members', summary: 'Revoke an invitation', params: idParams, status: 204 },
  { method: 'post', path: '/v1/auth/invitation-preview', tag: 'Members', summary: 'Whose workspace an invitation link is for, and who sent it (shown before accepting; 404 when it was used, revoked or expired)', body: previewBody, public: true, response: preview },
  { method: 'post', path: '/v1/auth/accept-invitation', tag: 'Members', summary: 'Accept an invitation: a new account, or the workspace added to an existing one (its password then); signed in to that workspace', body: acceptBody, public: true, response: session },
];
