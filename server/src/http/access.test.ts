import express from 'express';
import { describe, expect, it } from 'vitest';
import { ACCESS_LEVELS, admits, allow, declaredAccess, ROLES } from './access';
import { listRoutes } from './route-table';

describe('access levels', () => {
  it('when roles are checked, then each level admits exactly its roles and owners pass everywhere', () => {
    expect(ROLES.filter((r) => admits('inbox', r))).toEqual(['owner', 'admin', 'agent']);
    expect(ROLES.filter((r) => admits('marketing', r))).toEqual(['owner', 'admin', 'marketer']);
    expect(ROLES.filter((r) => admits('owner', r))).toEqual(['owner']);
    for (const level of Object.keys(ACCESS_LEVELS) as Array<keyof typeof ACCESS_LEVELS>) expect(admits(level, 'owner')).toBe(true);
  });

  it('when routes are listed, then each carries its declaration and an undeclared one shows none', () => {
    const app = express();
    const r = express.Router();
    r.get('/v1/a/:id', allow('inbox'), (_q, s) => s.end());
    r.post('/v1/b', (_q, s) => s.end());
    app.use(r);
    expect(listRoutes(app)).toEqual([
      { method: 'GET', path: '/v1/a/:id', access: 'inbox' },
      { method: 'POST', path: '/v1/b', access: undefined },
    ]);
    expect(declaredAccess(allow('public'))).toBe('public');
  });

  it('when a router is mounted under a prefix, then the walk refuses it rather than miss its routes', () => {
    const app = express();
    app.use('/v1', express.Router().get('/x', allow('member'), (_q, s) => s.end()));
    expect(() => listRoutes(app)).toThrow(/mount routers at the root/);
  });
});
