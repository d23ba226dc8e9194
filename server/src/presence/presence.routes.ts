// GET/PUT /v1/me/presence: the caller's online | away | offline.
import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { authOf } from '../http/auth';
import { parse } from '../http/validate';
import { PRESENCE_STATUSES } from './presence.store';
import { choosePresence, readPresence, type PresenceDeps } from './presence.service';
import { allow } from '../http/access';

export const body = z.object({ status: z.enum(PRESENCE_STATUSES) });

export function presenceRoutes(deps: PresenceDeps, requireAuth: RequestHandler): Router {
  const r = Router();
  r.get('/v1/me/presence', requireAuth, allow('member'), async (req, res) => {
    res.json(await readPresence(deps, authOf(req)));
  });
  r.put('/v1/me/presence', requireAuth, allow('member'), async (req, res) => {
    res.json(await choosePresence(deps, authOf(req), parse(body, req.body).status));
  });
  return r;
}
