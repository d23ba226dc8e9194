// GET /v1/events?after=<id>&limit=: the workspace's events after the client's last one, in order.
import { Router, type RequestHandler } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { authOf } from '../http/auth';
import { parse } from '../http/validate';
import { catchUp } from './catch-up.service';
import { allow } from '../http/access';

export const query = z.object({
  after: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional()),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export function catchUpRoutes(deps: { db: Knex }, requireAuth: RequestHandler): Router {
  const r = Router();
  r.get('/v1/events', requireAuth, allow('member'), async (req, res) => {
    const { after, limit } = parse(query, req.query);
    res.set('cache-control', 'no-store').json(await catchUp(deps.db, authOf(req), after, limit));
  });
  return r;
}
