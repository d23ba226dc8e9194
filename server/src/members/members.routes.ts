// GET /v1/members (read only here; invitations and roles come with the workspace-members work).
import { Router, type RequestHandler } from 'express';
import { authOf } from '../http/auth';
import { listMembers, type MembersDeps } from './members.service';
import { allow } from '../http/access';

export function membersRoutes(deps: MembersDeps, requireAuth: RequestHandler): Router {
  const r = Router();
  r.get('/v1/members', requireAuth, allow('member'), async (req, res) => {
    res.json(await listMembers(deps, authOf(req).tenantId));
  });
  return r;
}
