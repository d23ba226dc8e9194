// Canned responses per ../shared/API.md "Teams and canned responses".
import { Router, type RequestHandler } from 'express';
import type { Knex } from 'knex';
import { authOf } from '../http/auth';
import { parse, pathParams } from '../http/validate';
import { idParam } from '../conversations/conversations.schemas';
import { createCannedBody, listCannedQuery, updateCannedBody } from './canned-responses.schemas';
import * as canned from './canned-responses.service';
import { allow } from '../http/access';

export function cannedResponsesRoutes(deps: { db: Knex }, requireAuth: RequestHandler): Router {
  const r = Router();
  r.use('/v1/canned-responses', requireAuth);
  r.get('/v1/canned-responses', allow('inbox'), async (req, res) => {
    res.json(await canned.listCanned(deps.db, authOf(req).tenantId, parse(listCannedQuery, req.query).q));
  });
  r.post('/v1/canned-responses', allow('admin'), async (req, res) => {
    res.status(201).json(await canned.createCanned(deps.db, authOf(req), parse(createCannedBody, req.body)));
  });
  r.get('/v1/canned-responses/:id', allow('inbox'), async (req, res) => {
    res.json(await canned.getCanned(deps.db, authOf(req).tenantId, pathParams(idParam, req.params).id));
  });
  r.patch('/v1/canned-responses/:id', allow('admin'), async (req, res) => {
    res.json(await canned.updateCanned(deps.db, authOf(req).tenantId, pathParams(idParam, req.params).id, parse(updateCannedBody, req.body)));
  });
  r.delete('/v1/canned-responses/:id', allow('admin'), async (req, res) => {
    await canned.deleteCanned(deps.db, authOf(req).tenantId, pathParams(idParam, req.params).id);
    res.status(204).end();
  });
  return r;
}
