import { Router } from 'express';
import { authOf } from '../http/auth';
import { parse } from '../http/validate';
import type { RequestHandler } from 'express';
import { loginBody, refreshBody, signupBody } from './accounts.schemas';
import * as accounts from './accounts.service';

export function accountsRoutes(deps: accounts.AccountsDeps, requireAuth: RequestHandler): Router {
  const r = Router();
  r.post('/v1/auth/signup', async (req, res) => {
    res.status(201).json(await accounts.signup(deps, parse(signupBody, req.body)));
  });
  r.post('/v1/auth/login', async (req, res) => {
    res.json(await accounts.login(deps, parse(loginBody, req.body), req.ip ?? 'unknown'));
  });
  r.post('/v1/auth/refresh', async (req, res) => {
    res.json(await accounts.refresh(deps, parse(refreshBody, req.body).refreshToken));
  });
  r.get('/v1/me', requireAuth, async (req, res) => {
    res.json(await accounts.me(deps.db, authOf(req)));
  });
  return r;
}
