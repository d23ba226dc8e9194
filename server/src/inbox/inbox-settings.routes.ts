// GET/PUT /v1/settings/inbox (any member for now; roles come with the workspace-members work).
import { Router, type RequestHandler } from 'express';
import type { Knex } from 'knex';
import { authOf } from '../http/auth';
import { parse } from '../http/validate';
import { inboxSettingsSchema } from './inbox-settings.schemas';
import { getInboxSettings, putInboxSettings } from './inbox-settings.service';
import { allow } from '../http/access';

export function inboxSettingsRoutes(deps: { db: Knex }, requireAuth: RequestHandler): Router {
  const r = Router();
  r.get('/v1/settings/inbox', requireAuth, allow('member'), async (req, res) => {
    res.json(await getInboxSettings(deps.db, authOf(req).tenantId));
  });
  r.put('/v1/settings/inbox', requireAuth, allow('admin'), async (req, res) => {
    res.json(await putInboxSettings(deps.db, authOf(req).tenantId, parse(inboxSettingsSchema.partial(), req.body)));
  });
  return r;
}
