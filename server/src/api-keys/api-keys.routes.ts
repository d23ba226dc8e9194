// POST/GET /v1/api-keys and DELETE /v1/api-keys/{id}: a workspace's keys for its own systems.
import { Router, type RequestHandler } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { allow } from '../http/access';
import { authOf } from '../http/auth';
import { parse, pathParams } from '../http/validate';
import { roleSchema } from '../members/members.schemas';
import { createKey, listKeys, revokeKey } from './api-keys.service';

export const createKeyBody = z.object({ name: z.string().trim().min(1).max(80), role: roleSchema });
export const keyIdParams = z.object({ id: z.string().uuid() });

export function apiKeysRoutes(deps: { db: Knex }, requireAuth: RequestHandler): Router {
  const r = Router();
  r.post('/v1/api-keys', requireAuth, allow('admin'), async (req, res) => {
    res.status(201).json(await createKey(deps.db, authOf(req), parse(createKeyBody, req.body)));
  });
  r.get('/v1/api-keys', requireAuth, allow('admin'), async (req, res) => {
    res.json(await listKeys(deps.db, authOf(req).tenantId));
  });
  r.delete('/v1/api-keys/:id', requireAuth, allow('admin'), async (req, res) => {
    await revokeKey(deps.db, authOf(req), pathParams(keyIdParams, req.params).id);
    res.status(204).end();
  });
  return r;
}
