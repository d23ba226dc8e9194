import { Router } from 'express';
import { authOf } from '../http/auth';
import { clientIp, type RateLimits } from '../http/rate-limits';
import { parse } from '../http/validate';
import type { RequestHandler } from 'express';
import { changePasswordBody, loginBody, logoutBody, refreshBody, renameMeBody, renameWorkspaceBody, resetConfirmBody, resetRequestBody, signupBody, switchBody } from './accounts.schemas';
import * as accounts from './accounts.service';
import { confirmReset, requestReset, type ResetDeps } from './password-reset.service';
import { mailLocale } from './mail-text';
import { changePassword, renameMe } from './profile.service';
import { renameWorkspace } from './workspace.service';
import { allow } from '../http/access';

export function accountsRoutes(deps: accounts.AccountsDeps & ResetDeps & { limits: RateLimits }, requireAuth: RequestHandler): Router {
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
  r.patch('/v1/me', requireAuth, allow('member'), async (req, res) => {
    res.json(await renameMe(deps, authOf(req), parse(renameMeBody, req.body).name));
  });
  r.post('/v1/me/password', requireAuth, allow('member'), async (req, res) => {
    await changePassword(deps, authOf(req), parse(changePasswordBody, req.body));
    res.status(204).end();
  });
  r.post('/v1/auth/logout', allow('public'), limit('refreshPerIp', clientIp), async (req, res) => {
    await accounts.logout(deps, parse(logoutBody, req.body).refreshToken);
    res.status(204).end();
  });
  r.patch('/v1/settings/workspace', requireAuth, allow('admin'), async (req, res) => {
    res.json(await renameWorkspace(deps.db, authOf(req), parse(renameWorkspaceBody, req.body).name));
  });
  r.post('/v1/auth/switch', requireAuth, allow('member'), async (req, res) => {
    res.json(await accounts.switchWorkspace(deps, authOf(req), parse(switchBody, req.body).workspaceId));
  });
  r.post('/v1/auth/password-reset', allow('public'), limit('loginPerIp', clientIp), async (req, res) => {
    res.status(202).json(await requestReset(deps, parse(resetRequestBody, req.body).email, mailLocale(req.headers['accept-language'])));
  });
  r.post('/v1/auth/password-reset/confirm', allow('public'), limit('loginPerIp', clientIp), async (req, res) => {
    await confirmReset(deps, parse(resetConfirmBody, req.body));
    res.status(204).end();
  });
  return r;
}
