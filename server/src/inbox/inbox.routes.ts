// Takeover routes of ../shared/API.md's Conversations section.
import { Router, type RequestHandler } from 'express';
import { authOf } from '../http/auth';
import { parse } from '../http/validate';
import { idParam } from '../conversations/conversations.schemas';
import { assignBody, handbackBody, noteBody, replyBody } from './inbox.schemas';
import * as inbox from './inbox.service';

export function inboxRoutes(deps: inbox.InboxDeps, requireAuth: RequestHandler): Router {
  const r = Router();
  const id = (params: unknown) => parse(idParam, params).id;
  r.post('/v1/conversations/:id/messages', requireAuth, async (req, res) => {
    res.status(201).json(await inbox.reply(deps, authOf(req), id(req.params), parse(replyBody, req.body)));
  });
  r.post('/v1/conversations/:id/notes', requireAuth, async (req, res) => {
    res.status(201).json(await inbox.addNote(deps, authOf(req), id(req.params), parse(noteBody, req.body).text));
  });
  r.post('/v1/conversations/:id/assign', requireAuth, async (req, res) => {
    res.json(await inbox.assign(deps, authOf(req), id(req.params), parse(assignBody, req.body).assigneeId));
  });
  r.post('/v1/conversations/:id/handback', requireAuth, async (req, res) => {
    res.json(await inbox.handback(deps, authOf(req), id(req.params), parse(handbackBody, req.body ?? {}).flowId));
  });
  r.post('/v1/conversations/:id/close', requireAuth, async (req, res) => {
    res.json(await inbox.close(deps, authOf(req), id(req.params)));
  });
  return r;
}
