import type { RequestHandler } from 'express';
import { AppError } from './app-error';

export type Caller = NonNullable<Express.Request['auth']>;
/** Turns a bearer credential (session token or API key) into the caller, or throws unauthorized. */
export type Authenticate = (bearer: string) => Promise<Caller>;

/** Verifies the bearer credential and puts the caller on the request and its logger. */
export function requireAuth(authenticate: Authenticate): RequestHandler {
  return async (req, _res, next) => {
    // Routers mounted on the same path may each require auth; verify the token once per request.
    if (req.auth) return next();
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    // A key pasted alone, or sent in a header of another API's habit, is told how it is sent here.
    if (!match) {
      const message = header ? 'The Authorization header must be "Bearer <token>": the word Bearer, a space, then the session token or API key' : 'Missing bearer token: send Authorization: Bearer <session token or API key>';
      return next(new AppError('unauthorized', message));
    }
    try {
      req.auth = await authenticate(match[1]!);
      req.log = req.log.child({ tenantId: req.auth.tenantId, userId: req.auth.userId, ...(req.auth.apiKeyId ? { apiKeyId: req.auth.apiKeyId } : {}) });
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
