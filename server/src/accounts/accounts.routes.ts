import { Router } from 'express';
import { authOf } from '../http/auth';
import { clientIp, type RateLimits } from '../http/rate-limits';
import { parse } from '../http/validate';
import type { RequestHandler } from 'express';
import { loginBody, refreshBody, signupBody } from './accounts.schemas';
import * as accounts from './accounts.service';
import { allow } from '../http/access';

export function accountsRoutes(deps: accounts.AccountsDeps & { limits: RateLimits }, requireAuth: RequestHandler): Router {
  const r = Router();
  const { limit } = deps.limits;
  r.post('/v1/auth/signup', allow('public'), limit('signupPerIp', clientIp), async (req, res) => {
    res.status(201).json(await accounts.signup(deps, parse(signupBody, req.body)));
  });
  r.post('/v1/auth/login', allow('public'), limit('loginPerIp', clientIp), async (req, res) => {
    res.json(await accounts.login(deps, parse(loginBody, req.body), clientIp(req)));
  });
  r.post('/v1/auth/refresh', allow('public'), limit('refreshPerIp', clientIp), async (req, res) => {
    res.json(await accounts.refresh(deps, parse(refreshBody, req.body).refreshToken));
  });
  r.get('/v1/me', requireAuth, allow('member'), async (req, res) => {
    res.json(await accounts.me(deps.db, authOf(req)));
  });
  return r;
}
