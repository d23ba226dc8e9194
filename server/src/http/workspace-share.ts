// A workspace's share of this process: at most `limit` of its API requests run at once; the rest
// wait in the workspace's own line (first come, first served) and 429 past `maxWaiting`. The
// database pool is per process, so without a share one workspace sending many slow requests (a
// broad search, a big report) held every connection and every other workspace waited behind it.
import type { Request, RequestHandler } from 'express';
import { AppError } from './app-error';

type Lane = { active: number; waiting: Array<() => void> };

export type WorkspaceShare = {
  /** Wraps requireAuth: once the caller's workspace is known, the request takes a place in its line. */
  wrap(requireAuth: RequestHandler): RequestHandler;
  /** Requests running and waiting now, per workspace (for tests and metrics). */
  load(tenantId: string): { active: number; waiting: number };
};

export function createWorkspaceShare(opts: { limit: number; maxWaiting: number; exempt?: (req: Request) => boolean }): WorkspaceShare {
  const lanes = new Map<string, Lane>();
  const laneOf = (tenantId: string) => lanes.get(tenantId) ?? lanes.set(tenantId, { active: 0, waiting: [] }).get(tenantId)!;
  // A finished request hands its place straight to the next in line, or gives it back.
  const release = (tenantId: string, lane: Lane) => {
    const next = lane.waiting.shift();
    if (next) return next();
    lane.active -= 1;
    if (lane.active === 0) lanes.delete(tenantId);
  };

  const take: RequestHandler = (req, res, next) => {
    const tenantId = req.auth?.tenantId;
    // Several routers may run requireAuth for one request: it takes one place.
    if (!tenantId || res.locals.workspaceShareTaken || opts.exempt?.(req)) return next();
    res.locals.workspaceShareTaken = true;
    // The caller left while requireAuth was reading (a page reloaded or left with the request in
    // flight): 'close' has fired already and neither event comes again, so a place taken now was
    // never given back, and once `limit` had leaked, every later request of the workspace waited
    // for good. Such a request still runs (a write the caller sent stays done), outside the line.
    if (res.destroyed || res.writableFinished) return next();
    const lane = laneOf(tenantId);
    let state: 'waiting' | 'running' | 'done' = 'waiting';
    const finish = () => {
      if (state === 'running') release(tenantId, lane);
      else if (state === 'waiting') lane.waiting.splice(lane.waiting.indexOf(run), 1);
      state = 'done';
    };
    function run() {
      if (state !== 'waiting') return;
      state = 'running';
      next();
    }
    res.once('finish', finish);
    res.once('close', finish);
    if (lane.active < opts.limit) {
      lane.active += 1;
      return run();
    }
    if (lane.waiting.length >= opts.maxWaiting) {
      state = 'done';
      return next(new AppError('rate_limited', 'This workspace has too many requests running at once; try again shortly', { retryAfterSeconds: 1 }));
    }
    lane.waiting.push(run);
  };

  return {
    wrap: (requireAuth) => (req, res, next) => requireAuth(req, res, (err?: unknown) => (err ? next(err) : take(req, res, next))),
    load: (tenantId) => ({ active: lanes.get(tenantId)?.active ?? 0, waiting: lanes.get(tenantId)?.waiting.length ?? 0 }),
  };
}
