import { Router, type RequestHandler } from 'express';
import type { Knex } from 'knex';
import { authOf } from '../http/auth';
import { parse } from '../http/validate';
import { responseTimesQuery } from './response-times.schemas';
import { responseTimes } from './response-times.service';
import { allow } from '../http/access';

export function reportsRoutes(deps: { db: Knex }, requireAuth: RequestHandler): Router {
  const r = Router();
  r.get('/v1/reports/response-times', requireAuth, allow('admin'), async (req, res) => {
    res.json(await responseTimes(deps.db, authOf(req).tenantId, parse(responseTimesQuery, req.query)));
  });
  return r;
}
