// GET /v1/getting-started: the checklist a new workspace's owners and admins see on their first days.
import { Router, type RequestHandler } from 'express';
import type { Knex } from 'knex';
import { forTenant } from '../db/tenant-db';
import { allow } from '../http/access';
import { authOf } from '../http/auth';
import { firstSteps, tryChannelId } from './getting-started.queries';

export function gettingStartedRoutes(deps: { db: Knex }, requireAuth: RequestHandler): Router {
  const r = Router();
  r.get('/v1/getting-started', requireAuth, allow('admin'), async (req, res) => {
    const { tenantId, userId } = authOf(req);
    const tdb = forTenant(deps.db, tenantId);
    res.json({ steps: await firstSteps(tdb, userId), tryChannelId: await tryChannelId(tdb) });
  });
  return r;
}
