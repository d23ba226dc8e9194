// GET /v1/audit-log?cursor=&limit=: the workspace's critical actions, newest first, for owners.
import { Router, type RequestHandler } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { forTenant } from '../db/tenant-db';
import { allow } from '../http/access';
import { authOf } from '../http/auth';
import { parse } from '../http/validate';
import { listAudit } from './audit.queries';

export const auditQuery = z.object({
  cursor: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export function auditRoutes(deps: { db: Knex }, requireAuth: RequestHandler): Router {
  const r = Router();
  r.get('/v1/audit-log', requireAuth, allow('owner'), async (req, res) => {
    const { cursor, limit } = parse(auditQuery, req.query);
    // One row past the page says whether another page exists: a full last page is not followed by an empty one.
    const read = await listAudit(forTenant(deps.db, authOf(req).tenantId), cursor, limit + 1);
    const rows = read.slice(0, limit);
    res.json({
      items: rows.map((row) => ({
        id: String(row.id), action: row.action, targetType: row.target_type, targetId: row.target_id, targetName: row.target_name, data: row.data,
        actor: row.actor_user_id ? { id: row.actor_user_id, name: row.actor_name, email: row.actor_email } : null,
        at: row.created_at.toISOString(),
      })),
      nextCursor: read.length > limit ? String(rows[rows.length - 1]!.id) : null,
    });
  });
  return r;
}
