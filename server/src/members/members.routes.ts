// Members, roles and invitations: GET/PATCH/DELETE /v1/members, /v1/invitations, and accepting an
// invitation at POST /v1/auth/accept-invitation (the link's token is the credential there).
import { Router, type RequestHandler } from 'express';
import type { AccountsDeps } from '../accounts/accounts.service';
import { allow } from '../http/access';
import { authOf } from '../http/auth';
import { clientIp, type RateLimits } from '../http/rate-limits';
import { parse, pathParams } from '../http/validate';
import { forTenant } from '../db/tenant-db';
import { changeRole, removeMember } from './member-admin.service';
import { accept, invitationView, invite, previewInvitation, revoke, type InvitationDeps } from './invitations.service';
import { mailLocale } from '../accounts/mail-text';
import { listPendingInvitations } from './invitations.queries';
import { acceptBody, idParams, inviteBody, memberParams, previewBody, roleBody } from './members.schemas';
import { listMembers, type MembersDeps } from './members.service';

export type MembersRouteDeps = MembersDeps & InvitationDeps & AccountsDeps & { limits: RateLimits };

export function membersRoutes(deps: MembersRouteDeps, requireAuth: RequestHandler): Router {
  const r = Router();
  r.get('/v1/members', requireAuth, allow('member'), async (req, res) => {
    res.json(await listMembers(deps, authOf(req).tenantId));
  });
  r.patch('/v1/members/:userId', requireAuth, allow('admin'), async (req, res) => {
    const { userId } = pathParams(memberParams, req.params);
    res.json(await changeRole(deps, authOf(req), userId, parse(roleBody, req.body).role));
  });
  r.delete('/v1/members/:userId', requireAuth, allow('admin'), async (req, res) => {
    await removeMember(deps, authOf(req), pathParams(memberParams, req.params).userId);
    res.status(204).end();
  });
  r.post('/v1/invitations', requireAuth, allow('admin'), async (req, res) => {
    res.status(201).json(await invite(deps, authOf(req), parse(inviteBody, req.body), mailLocale(req.headers['accept-language'])));
  });
  r.get('/v1/invitations', requireAuth, allow('admin'), async (req, res) => {
    // `sendsEmail`: whether an invitation made now would go out by email (false with SMTP_URL unset), so
    // the invite form can say beforehand that the link is to be handed over.
    const items = (await listPendingInvitations(forTenant(deps.db, authOf(req).tenantId))).map(invitationView);
    res.json({ items, sendsEmail: deps.mailer.delivers !== false });
  });
  r.delete('/v1/invitations/:id', requireAuth, allow('admin'), async (req, res) => {
    await revoke(deps, authOf(req), pathParams(idParams, req.params).id);
    res.status(204).end();
  });
  r.post('/v1/auth/invitation-preview', allow('public'), deps.limits.limit('invitationAcceptsPerIp', clientIp), async (req, res) => {
    res.json(await previewInvitation(deps.db, parse(previewBody, req.body).token));
  });
  r.post('/v1/auth/accept-invitation', allow('public'), deps.limits.limit('invitationAcceptsPerIp', clientIp), async (req, res) => {
    res.json(await accept(deps, parse(acceptBody, req.body)));
  });
  return r;
}
