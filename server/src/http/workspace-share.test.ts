import { EventEmitter } from 'node:events';
import type { Request, RequestHandler, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { createWorkspaceShare } from './workspace-share';

type Call = { res: EventEmitter & { locals: Record<string, unknown>; destroyed: boolean }; ran: boolean; error?: unknown };

/** requireAuth stand-in: the tenant is whatever the request says. */
const auth: RequestHandler = (_req, _res, next) => next();

function harness(limit: number, maxWaiting = 10, exempt?: (req: Request) => boolean, requireAuth = auth) {
  const share = createWorkspaceShare({ limit, maxWaiting, exempt });
  const handler = share.wrap(requireAuth);
  const call = (tenantId: string, path = '/v1/teams'): Call => {
    const res = Object.assign(new EventEmitter(), { locals: {}, destroyed: false });
    const c: Call = { res, ran: false };
    const req = { auth: { tenantId }, method: 'POST', originalUrl: path } as unknown as Request;
    handler(req, res as unknown as Response, (err?: unknown) => {
      if (err) c.error = err;
      else c.ran = true;
    });
    return c;
  };
  const end = (c: Call) => {
    c.res.emit('finish');
    c.res.emit('close');
  };
  return { share, call, end };
}

describe('a workspace share', () => {
  it('when a workspace has more requests than its share, then the rest wait in order and run as places free', () => {
    const { share, call, end } = harness(2);
    const [a1, a2, a3, a4] = [call('A'), call('A'), call('A'), call('A')];
    expect([a1.ran, a2.ran, a3.ran, a4.ran]).toEqual([true, true, false, false]);
    expect(share.load('A')).toEqual({ active: 2, waiting: 2 });
    end(a2);
    expect([a3.ran, a4.ran]).toEqual([true, false]);
    end(a1);
    expect(a4.ran).toBe(true);
    [a3, a4].forEach(end);
    expect(share.load('A')).toEqual({ active: 0, waiting: 0 });
  });

  it('when one workspace is at its share, then another workspace still runs at once', () => {
    const { call } = harness(1);
    call('A');
    expect(call('A').ran).toBe(false);
    expect(call('B').ran).toBe(true);
  });

  it('when a waiting caller goes away, then it leaves the line and never runs', () => {
    const { share, call, end } = harness(1);
    const running = call('A');
    const gone = call('A');
    const after = call('A');
    gone.res.emit('close');
    expect(share.load('A')).toEqual({ active: 1, waiting: 1 });
    end(running);
    expect([gone.ran, after.ran]).toEqual([false, true]);
  });

  it('when callers leave while requireAuth reads (a page reloaded mid-request), then their requests run but hold no place, and the workspace is never stuck', () => {
    // As Node does when the client goes away: the socket is destroyed and 'close' fires once, here
    // while requireAuth is still reading, before the share listens.
    const leavesDuringAuth: RequestHandler = (req, res, next) => {
      if ((req as unknown as { leaves?: boolean }).leaves) {
        Object.assign(res, { destroyed: true });
        res.emit('close');
      }
      next();
    };
    const { share, call } = harness(2, 10, undefined, leavesDuringAuth);
    const share2 = share.wrap(leavesDuringAuth);
    const left = Array.from({ length: 3 }, () => {
      let ran = false;
      const res = Object.assign(new EventEmitter(), { locals: {}, destroyed: false });
      share2({ auth: { tenantId: 'A' }, leaves: true, method: 'GET', originalUrl: '/v1/me/presence' } as unknown as Request, res as unknown as Response, () => (ran = true));
      return ran;
    });
    expect(left).toEqual([true, true, true]);
    expect(share.load('A')).toEqual({ active: 0, waiting: 0 });
    expect([call('A').ran, call('A').ran]).toEqual([true, true]);
  });

  it('when the line is full, then 429 rate_limited with a retry after one second', () => {
    const { call } = harness(1, 1);
    call('A');
    call('A');
    expect(call('A').error).toMatchObject({ code: 'rate_limited', details: { retryAfterSeconds: 1 } });
  });

  it('when requireAuth runs twice for one request, or the request is exempt, then it takes no second place', () => {
    const { share, call } = harness(1, 10, (req) => req.originalUrl === '/v1/media');
    const share2 = share.wrap(auth);
    const first = call('A');
    // The same response passing another router's requireAuth keeps its one place.
    let again = false;
    share2({ auth: { tenantId: 'A' }, method: 'GET', originalUrl: '/v1/teams' } as unknown as Request, first.res as unknown as Response, () => (again = true));
    expect(again).toBe(true);
    expect(share.load('A')).toEqual({ active: 1, waiting: 0 });
    expect(call('A', '/v1/media').ran).toBe(true);
    expect(share.load('A')).toEqual({ active: 1, waiting: 0 });
  });
});
