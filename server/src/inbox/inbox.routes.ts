// Actions on a conversation: ../shared/API.md "Conversations" and docs/inbox-api.md.
import { Router, type RequestHandler } from 'express';
import { authOf } from '../http/auth';
import { parse, pathParams } from '../http/validate';
import { idParam } from '../conversations/conversations.schemas';
import { assign } from './assignment.service';
import { approvedTemplates, channelApprovedTemplates, handbackFlows } from './choices.service';
import { close, handback, markRead, reopen } from './lifecycle.service';
import { optOutCustomer } from './opt-out.service';
import { addNote } from './note.service';
import { reply, type InboxDeps } from './reply.service';
import { startConversation } from './start.service';
import { agentTyping, type TypingDeps } from './typing.service';
import { assignBody, handbackBody, idempotencyKey, noteBody, replySchema, snoozeBody, startBody, typingBody } from './inbox.schemas';
import { snooze, unsnooze } from './snooze.service';
import { allow } from '../http/access';
import { AppError } from '../http/app-error';

export function inboxRoutes(deps: InboxDeps & TypingDeps, requireAuth: RequestHandler): Router {
  const r = Router();
  const id = (params: unknown) => pathParams(idParam, params).id;
  r.post('/v1/conversations/:id/messages', requireAuth, allow('inbox'), async (req, res) => {
    const key = parse(idempotencyKey, req.headers['idempotency-key']);
    const body: unknown = req.body;
    // A template is its own message: with a text or a file beside it, which one was meant is unclear.
    if (body && typeof body === 'object' && 'template' in body && ('text' in body || 'mediaId' in body)) {
      throw new AppError('validation_failed', 'Send either a template or a text/file, not both');
    }
    res.status(201).json(await reply(deps, authOf(req), id(req.params), parse(replySchema(body), body), key));
  });
  r.post('/v1/conversations', requireAuth, allow('inbox'), async (req, res) => {
    const key = parse(idempotencyKey, req.headers['idempotency-key']);
    res.status(201).json(await startConversation(deps, authOf(req), parse(startBody, req.body), key));
  });
  r.get('/v1/channels/:id/approved-templates', requireAuth, allow('inbox'), async (req, res) => {
    res.json(await channelApprovedTemplates(deps.db, authOf(req).tenantId, id(req.params)));
  });
  r.post('/v1/conversations/:id/notes', requireAuth, allow('inbox'), async (req, res) => {
    res.status(201).json(await addNote(deps, authOf(req), id(req.params), parse(noteBody, req.body)));
  });
  r.post('/v1/conversations/:id/assign', requireAuth, allow('inbox'), async (req, res) => {
    res.json(await assign(deps.db, authOf(req), id(req.params), parse(assignBody, req.body)));
  });
  r.get('/v1/conversations/:id/handback-flows', requireAuth, allow('inbox'), async (req, res) => {
    res.json(await handbackFlows(deps.db, authOf(req).tenantId, id(req.params)));
  });
  r.get('/v1/conversations/:id/templates', requireAuth, allow('inbox'), async (req, res) => {
    res.json(await approvedTemplates(deps.db, authOf(req).tenantId, id(req.params)));
  });
  r.post('/v1/conversations/:id/handback', requireAuth, allow('inbox'), async (req, res) => {
    res.json(await handback(deps.db, authOf(req), id(req.params), parse(handbackBody, req.body ?? {}).flowId));
  });
  r.post('/v1/conversations/:id/close', requireAuth, allow('inbox'), async (req, res) => {
    res.json(await close(deps, authOf(req), id(req.params)));
  });
  r.post('/v1/conversations/:id/reopen', requireAuth, allow('inbox'), async (req, res) => {
    res.json(await reopen(deps.db, authOf(req), id(req.params)));
  });
  r.post('/v1/conversations/:id/snooze', requireAuth, allow('inbox'), async (req, res) => {
    res.json(await snooze(deps.db, authOf(req), id(req.params), parse(snoozeBody, req.body).until));
  });
  r.post('/v1/conversations/:id/unsnooze', requireAuth, allow('inbox'), async (req, res) => {
    res.json(await unsnooze(deps.db, authOf(req), id(req.params)));
  });
  r.post('/v1/conversations/:id/typing', requireAuth, allow('inbox'), async (req, res) => {
    await agentTyping(deps, authOf(req), id(req.params), parse(typingBody, req.body).on);
    res.status(204).end();
  });
  r.post('/v1/conversations/:id/opt-out', requireAuth, allow('inbox'), async (req, res) => {
    res.json(await optOutCustomer(deps.db, authOf(req), id(req.params)));
  });
  r.post('/v1/conversations/:id/read', requireAuth, allow('inbox'), async (req, res) => {
    await markRead(deps.db, authOf(req), id(req.params));
    res.status(204).end();
  });
  return r;
}
