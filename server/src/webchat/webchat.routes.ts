import { Router, type Request, type RequestHandler, type Response } from 'express';
import { authOf } from '../http/auth';
import { AppError } from '../http/app-error';
import { clientIp, type RateLimits } from '../http/rate-limits';
import { parse, pathParams } from '../http/validate';
import { z } from 'zod';
import { startTestRun } from './test-run.service';
import { tryPageHtml } from './try-page';
import type { Visitor, VisitorTokens } from './visitor-tokens';
import { channelParam, startSessionBody, visitorMessageBody, visitorTypingBody } from './webchat.schemas';
import * as webchat from './webchat.service';
import { allow } from '../http/access';
import { uiLocale } from '../http/ui-locale';

// The widget runs on tenants' own sites: these routes answer any origin. Auth is the visitor token.
const cors: RequestHandler = (req, res, next) => {
  res.setHeader('access-control-allow-origin', '*');
  res.setHeader('access-control-allow-headers', 'authorization, content-type');
  res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
  if (req.method === 'OPTIONS') {
    res.status(204).end();
    return;
  }
  next();
};

function visitorAuth(visitors: VisitorTokens): RequestHandler {
  return async (req, res, next) => {
    const match = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
    if (!match) return next(new AppError('unauthorized', 'Missing visitor token'));
    try {
      res.locals.visitor = await visitors.verify(match[1]!);
      next();
    } catch (err) {
      next(err);
    }
  };
}

export function webchatRoutes(deps: webchat.WebchatDeps, requireAuth: RequestHandler, limits: Pick<RateLimits, 'limit'>): Router {
  const r = Router();
  const visitor = visitorAuth(deps.visitors);
  const channelOf = (req: Request) => String(req.params.channelId);
  // Per address first. A channel's message budget is spent only under the channel named in a valid
  // visitor token, so nobody can exhaust another workspace's budget with forged or foreign tokens.
  const tokenChannel = (_req: Request, res: Response) => (res.locals.visitor as Visitor | undefined)?.channelId;
  const startLimits = [limits.limit('webchatSessionsPerIp', clientIp), limits.limit('webchatSessionsPerChannel', channelOf)];
  const messageLimits = [limits.limit('webchatMessagesPerIp', clientIp), visitor, limits.limit('webchatMessagesPerChannel', tokenChannel)];
  r.use('/v1/webchat', cors);
  r.get('/v1/webchat/:channelId/appearance', allow('public'), async (req, res) => {
    const { channelId } = pathParams(channelParam, req.params);
    res.set('cache-control', 'public, max-age=60').json(await webchat.appearance(deps, channelId));
  });
  r.post('/v1/webchat/:channelId/sessions', allow('public'), ...startLimits, async (req, res) => {
    const { channelId } = pathParams(channelParam, req.params);
    res.status(201).json(await webchat.startVisitor(deps, channelId, parse(startSessionBody, req.body ?? {})));
  });
  r.post('/v1/webchat/:channelId/messages', allow('public'), ...messageLimits, async (req, res) => {
    const { channelId } = pathParams(channelParam, req.params);
    res.status(202).json(await webchat.postVisitorMessage(deps, res.locals.visitor, channelId, parse(visitorMessageBody, req.body)));
  });
  r.post('/v1/webchat/:channelId/typing', allow('public'), visitor, async (req, res) => {
    const { channelId } = pathParams(channelParam, req.params);
    await webchat.postVisitorTyping(deps, res.locals.visitor, channelId, parse(visitorTypingBody, req.body).on);
    res.status(204).end();
  });
  r.get('/v1/webchat/:channelId/messages', allow('public'), visitor, async (req, res) => {
    res.json(await webchat.history(deps, res.locals.visitor, pathParams(channelParam, req.params).channelId));
  });
  // Public, and it reads the workspace's published flows: held to the per-address budget of starting
  // a chat (not the channel's, which a flood of page loads would spend for the channel's real visitors).
  r.get('/try/:channelId', allow('public'), limits.limit('webchatSessionsPerIp', clientIp), async (req, res) => {
    const { channelId } = pathParams(channelParam, req.params);
    res.type('html').send(tryPageHtml(channelId, await webchat.tryPageHints(deps, channelId)));
  });
  r.post('/v1/flows/:id/test', requireAuth, allow('marketing'), async (req, res) => {
    const { id } = pathParams(z.object({ id: z.string().uuid() }), req.params);
    res.status(201).json(await startTestRun(deps, authOf(req), id, uiLocale(req.headers['accept-language'])));
  });
  return r;
}
