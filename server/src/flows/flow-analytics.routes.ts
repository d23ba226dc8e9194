// GET /v1/flows/{id}/analytics?days=N: the builder's drop-off overlay.
import { Router, type RequestHandler } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { forTenant } from '../db/tenant-db';
import { authOf } from '../http/auth';
import { notFound } from '../http/app-error';
import { parse, pathParams } from '../http/validate';
import * as q from './flow-analytics.queries';
import { findFlow } from './flows.queries';
import { allow } from '../http/access';

export const query = z.object({ days: z.coerce.number().int().min(1).max(90).default(7) });
export const params = z.object({ id: z.string().uuid() });

export async function flowAnalytics(db: Knex, tenantId: string, flowId: string, days: number) {
  const tdb = forTenant(db, tenantId);
  if (!(await findFlow(tdb, flowId))) throw notFound('Flow');
  const since = new Date(Date.now() - days * 86_400_000);
  const [reached, stopped] = await Promise.all([q.reachedByNode(tdb, flowId, since), q.stoppedByNode(tdb, flowId, since)]);
  const nodes: Record<string, { reached: number; stoppedHere: number }> = {};
  for (const r of reached) nodes[r.node_id] = { reached: r.n, stoppedHere: 0 };
  for (const s of stopped) nodes[s.node_id] = { reached: nodes[s.node_id]?.reached ?? 0, stoppedHere: s.n };
  return { days, since: since.toISOString(), nodes };
}

export function flowAnalyticsRoutes(deps: { db: Knex }, requireAuth: RequestHandler): Router {
  const r = Router();
  r.get('/v1/flows/:id/analytics', requireAuth, allow('marketing'), async (req, res) => {
    const { days } = parse(query, req.query);
    res.json(await flowAnalytics(deps.db, authOf(req).tenantId, pathParams(params, req.params).id, days));
  });
  return r;
}
