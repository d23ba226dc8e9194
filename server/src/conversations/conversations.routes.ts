import { Router, type RequestHandler } from 'express';
import type { Knex } from 'knex';
import { authOf } from '../http/auth';
import { parse, pathParams } from '../http/validate';
import { idParam, listConversationsQuery, messageParams, pageQuery, testChatParams } from './conversations.schemas';
import * as conversations from './conversations.service';
import { allow } from '../http/access';

export function conversationsRoutes(deps: { db: Knex }, requireAuth: RequestHandler): Router {
  const r = Router();
  r.use('/v1/conversations', requireAuth);
  r.get('/v1/conversations', allow('inbox'), async (req, res) => {
    res.json(await conversations.listConversations(deps.db, authOf(req), parse(listConversationsQuery, req.query)));
  });
  // Before /:id, which would read "counts" as an id.
  r.get('/v1/conversations/counts', allow('inbox'), async (req, res) => {
    res.json(await conversations.conversationCounts(deps.db, authOf(req)));
  });
  r.get('/v1/conversations/:id', allow('inbox'), async (req, res) => {
    res.json(await conversations.getConversation(deps.db, authOf(req).tenantId, pathParams(idParam, req.params).id));
  });
  r.get('/v1/conversations/:id/messages', allow('inbox'), async (req, res) => {
    const { cursor, limit } = parse(pageQuery, req.query);
    res.json(await conversations.listMessages(deps.db, authOf(req).tenantId, pathParams(idParam, req.params).id, cursor, limit));
  });
  r.get('/v1/conversations/:id/messages/:messageId', allow('inbox'), async (req, res) => {
    const { id, messageId } = pathParams(messageParams, req.params);
    res.json(await conversations.getMessage(deps.db, authOf(req).tenantId, id, messageId));
  });
  r.get('/v1/conversations/:id/activity', allow('inbox'), async (req, res) => {
    res.json(await conversations.activity(deps.db, authOf(req).tenantId, pathParams(idParam, req.params).id));
  });
  r.get('/v1/conversations/:id/session', allow('inbox'), async (req, res) => {
    res.json(await conversations.currentSession(deps.db, authOf(req).tenantId, pathParams(idParam, req.params).id));
  });
  r.get('/v1/conversations/:id/runlog', allow('inbox'), async (req, res) => {
    const { cursor, limit } = parse(pageQuery, req.query);
    res.json(await conversations.runLog(deps.db, authOf(req).tenantId, pathParams(idParam, req.params).id, cursor, limit));
  });
  // The builder's test chat: the session and run log of a test run, for the roles that draw flows
  // (marketers have no inbox, so the routes above refuse them).
  r.get('/v1/flows/:id/test/:conversationId/session', requireAuth, allow('marketing'), async (req, res) => {
    const { id, conversationId } = pathParams(testChatParams, req.params);
    await conversations.assertTestChat(deps.db, authOf(req).tenantId, id, conversationId);
    res.json(await conversations.currentSession(deps.db, authOf(req).tenantId, conversationId));
  });
  r.get('/v1/flows/:id/test/:conversationId/runlog', requireAuth, allow('marketing'), async (req, res) => {
    const { id, conversationId } = pathParams(testChatParams, req.params);
    const { cursor, limit } = parse(pageQuery, req.query);
    await conversations.assertTestChat(deps.db, authOf(req).tenantId, id, conversationId);
    res.json(await conversations.runLog(deps.db, authOf(req).tenantId, conversationId, cursor, limit));
  });
  return r;
}
