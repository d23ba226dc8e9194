import type { RequestHandler } from 'express';
import type { TokenService } from '../accounts/tokens';
import { AppError } from './app-error';

/** Verifies the bearer token and puts {userId, tenantId, role} on the request and its logger. */
export function requireAuth(tokens: TokenService): RequestHandler {
  return async (req, _res, next) => {
    // Routers mounted on the same path may each require auth; verify the token once per request.
    if (req.auth) return next();
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header);
    if (!match) return next(new AppError('unauthorized', 'Missing bearer token'));
    try {
      req.auth = await tokens.verifyAccess(match[1]!);
      req.log = req.log.child({ tenantId: req.auth.tenantId, userId: req.auth.userId });
      next();
    } catch (err) {
      next(err);
    }
  };
}

/** The authenticated caller; only valid behind requireAuth. */
export function authOf(req: { auth?: Express.Request['auth'] }) {
  if (!req.auth) throw new AppError('unauthorized', 'Not signed in');
  return req.auth;
}
