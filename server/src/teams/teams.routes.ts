// Teams per ../shared/API.md "Teams and canned responses".
import { Router, type RequestHandler } from 'express';
import type { Knex } from 'knex';
import { authOf } from '../http/auth';
import { parse, pathParams } from '../http/validate';
import { idParam } from '../conversations/conversations.schemas';
import { createTeamBody, updateTeamBody } from './teams.schemas';
import * as teams from './teams.service';
import { allow } from '../http/access';

export function teamsRoutes(deps: { db: Knex }, requireAuth: RequestHandler): Router {
  const r = Router();
  r.use('/v1/teams', requireAuth);
  r.get('/v1/teams', allow('member'), async (req, res) => {
    res.json(await teams.listTeams(deps.db, authOf(req).tenantId));
  });
  r.post('/v1/teams', allow('admin'), async (req, res) => {
    res.status(201).json(await teams.createTeam(deps.db, authOf(req).tenantId, parse(createTeamBody, req.body)));
  });
  r.get('/v1/teams/:id', allow('member'), async (req, res) => {
    res.json(await teams.getTeam(deps.db, authOf(req).tenantId, pathParams(idParam, req.params).id));
  });
  r.patch('/v1/teams/:id', allow('admin'), async (req, res) => {
    res.json(await teams.updateTeam(deps.db, authOf(req).tenantId, pathParams(idParam, req.params).id, parse(updateTeamBody, req.body)));
  });
  r.delete('/v1/teams/:id', allow('admin'), async (req, res) => {
    await teams.deleteTeam(deps.db, authOf(req).tenantId, pathParams(idParam, req.params).id);
    res.status(204).end();
  });
  return r;
}
