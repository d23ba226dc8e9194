// GET/PATCH /v1/contacts/{id} per ../shared/API.md "Contacts" (the list and imports come with the
// contacts work).
import { Router, type RequestHandler } from 'express';
import type { Knex } from 'knex';
import { authOf } from '../http/auth';
import { parse } from '../http/validate';
import { idParam } from '../conversations/conversations.schemas';
import { updateContactBody } from './contacts.schemas';
import * as contacts from './contacts.service';
import { allow } from '../http/access';

export function contactsRoutes(deps: { db: Knex }, requireAuth: RequestHandler): Router {
  const r = Router();
  r.get('/v1/contacts/:id', requireAuth, allow('member'), async (req, res) => {
    res.json(await contacts.getContact(deps.db, authOf(req).tenantId, parse(idParam, req.params).id));
  });
  r.patch('/v1/contacts/:id', requireAuth, allow('member'), async (req, res) => {
    res.json(await contacts.updateContact(deps.db, authOf(req), parse(idParam, req.params).id, parse(updateContactBody, req.body)));
  });
  return r;
}
