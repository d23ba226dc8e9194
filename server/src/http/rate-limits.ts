// Request rate limits, counted in Redis (rate-limiter-flexible) so they hold across API processes.
// Every limit is declared once in LIMITS: its budget (a config value), its window, and what it does
// while Redis cannot be reached:
//  - memory: count in this process instead. For endpoints that still work without Redis and face
//    anonymous callers (login, refresh, web chat). Failing closed would let a Redis outage lock
//    everyone out of login; failing open would let password guessing run unbounded during it.
//  - closed: refuse with 503 and Retry-After. Sign-up only: a new workspace is the costliest thing an
//    anonymous caller can create, and its channels and flows cannot run without Redis anyway.
//  - open: let the request through. The per-workspace API budget is a safety net far above real
//    use by signed-in tenants; it must never turn a Redis outage into an API outage.
import type { Request, RequestHandler, Response } from 'express';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Config } from '../config/env';
import { AppError } from './app-error';

type WhenRedisDown = 'memory' | 'closed' | 'open';
type NumericSetting = { [K in keyof Config]-?: Config[K] extends number ? K : never }[keyof Config];
type Limit = { budget: NumericSetting; seconds: number; blockSeconds?: number; whenRedisDown: WhenRedisDown; message: string };

const MINUTE = 60;
const HOUR = 60 * MINUTE;

export const LIMITS = {
  signupPerIp: { budget: 'RATE_LIMIT_SIGNUP_PER_IP', seconds: HOUR, whenRedisDown: 'closed', message: 'Too many sign-ups from this address' },
  // Joining a workspace, not making one: the link's token is the secret, and a team in one office
  // accepts from one address, so its budget is its own and larger than sign-up's.
  invitationAcceptsPerIp: {
    budget: 'RATE_LIMIT_INVITATION_ACCEPTS_PER_IP', seconds: HOUR, whenRedisDown: 'memory', message: 'Too many invitations accepted from this address',
  },
  loginPerIp: { budget: 'RATE_LIMIT_LOGIN_PER_IP', seconds: 15 * MINUTE, whenRedisDown: 'memory', message: 'Too many login attempts from this address' },
  // Counted per attempt and forgiven on success, so these count failures since the last good login.
  loginPerAccount: { budget: 'RATE_LIMIT_LOGIN_PER_ACCOUNT', seconds: HOUR, whenRedisDown: 'memory', message: 'Too many failed logins for this account' },
  loginPerAccountAndIp: {
    budget: 'LOGIN_MAX_ATTEMPTS', seconds: 15 * MINUTE, blockSeconds: 15 * MINUTE, whenRedisDown: 'memory', message: 'Too many login attempts; try again later',
  },
  refreshPerIp: { budget: 'RATE_LIMIT_REFRESH_PER_IP', seconds: 15 * MINUTE, whenRedisDown: 'memory', message: 'Too many token refreshes from this address' },
  refreshPerFamily: { budget: 'RATE_LIMIT_REFRESH_PER_FAMILY', seconds: HOUR, whenRedisDown: 'memory', message: 'Too many token refreshes for this session' },
  webchatSessionsPerIp: { budget: 'RATE_LIMIT_WEBCHAT_SESSIONS_PER_IP', seconds: MINUTE, whenRedisDown: 'memory', message: 'Too many chats started from this address' },
  webchatSessionsPerChannel: { budget: 'RATE_LIMIT_WEBCHAT_SESSIONS_PER_CHANNEL', seconds: MINUTE, whenRedisDown: 'memory', message: 'Too many chats started on this channel' },
  webchatMessagesPerIp: { budget: 'RATE_LIMIT_WEBCHAT_MESSAGES_PER_IP', seconds: MINUTE, whenRedisDown: 'memory', message: 'Too many messages from this address' },
  webchatMessagesPerChannel: { budget: 'RATE_LIMIT_WEBCHAT_MESSAGES_PER_CHANNEL', seconds: MINUTE, whenRedisDown: 'memory', message: 'Too many messages on this channel' },
  apiPerWorkspace: { budget: 'RATE_LIMIT_API_PER_WORKSPACE', seconds: MINUTE, whenRedisDown: 'open', message: 'Too many requests for this workspace' },
} as const satisfies Record<string, Limit>;

export type LimitName = keyof typeof LIMITS;

export type RateLimiter = {
  /** Counts one hit on `key`; past the budget throws AppError rate_limited with retryAfterSeconds. */
  consume(name: LimitName, key: string): Promise<void>;
  /** Forgets the hits on `key` (failed logins after a good one). Best effort. */
  reset(name: LimitName, key: string): Promise<void>;
};

export type RateLimits = RateLimiter & {
  /** Middleware counting one hit per request under keyOf(req, res); a request with no key is not counted. */
  limit(name: LimitName, keyOf: (req: Request, res: Response) => string | undefined): RequestHandler;
  /** Wraps requireAuth: also counts the request once against the caller's workspace budget. */
  withWorkspaceBudget(requireAuth: RequestHandler): RequestHandler;
};

export const clientIp = (req: Request) => req.ip ?? req.socket.remoteAddress ?? 'unknown';

function buildLimiter(redis: Redis, prefix: string, config: Config, name: LimitName) {
  const spec: Limit = LIMITS[name];
  const opts = { keyPrefix: `${prefix}:rl:${name}`, points: config[spec.budget], duration: spec.seconds, blockDuration: spec.blockSeconds ?? 0 };
  const insuranceLimiter = spec.whenRedisDown === 'memory' ? new RateLimiterMemory(opts) : undefined;
  return new RateLimiterRedis({ ...opts, storeClient: redis, rejectIfRedisNotReady: true, insuranceLimiter });
}

export function createRateLimits(redis: Redis, config: Config): RateLimits {
  const names = Object.keys(LIMITS) as LimitName[];
  const limiters = Object.fromEntries(names.map((n) => [n, buildLimiter(redis, config.QUEUE_PREFIX, config, n)])) as Record<LimitName, RateLimiterRedis>;

  const consume = async (name: LimitName, key: string) => {
    try {
      await limiters[name].consume(key);
    } catch (err) {
      if (err instanceof RateLimiterRes) {
        throw new AppError('rate_limited', LIMITS[name].message, { retryAfterSeconds: Math.max(1, Math.ceil(err.msBeforeNext / 1000)) });
      }
      // Redis is unreachable ('memory' limits never get here: their insurance answered instead).
      if (LIMITS[name].whenRedisDown === 'closed') {
        throw new AppError('unavailable', 'This is unavailable for a moment; try again shortly', { retryAfterSeconds: 30 });
      }
    }
  };
  const reset = async (name: LimitName, key: string) => {
    await limiters[name].delete(key).catch(() => undefined);
  };
  const limit: RateLimits['limit'] = (name, keyOf) => async (req, res, next) => {
    const key = keyOf(req, res);
    try {
      if (key !== undefined) await consume(name, key);
      next();
    } catch (err) {
      next(err);
    }
  };
  return { consume, reset, limit, withWorkspaceBudget: workspaceBudget(limit) };
}

function workspaceBudget(limit: RateLimits['limit']) {
  const perWorkspace = limit('apiPerWorkspace', (req) => req.auth?.tenantId);
  return (requireAuth: RequestHandler): RequestHandler =>
    (req, res, next) => {
      requireAuth(req, res, (err?: unknown) => {
        // Several routers may run requireAuth for one request; the budget counts the request once.
        if (err || res.locals.workspaceBudgetCounted) return next(err);
        res.locals.workspaceBudgetCounted = true;
        return perWorkspace(req, res, next);
      });
    };
}
