// A statement that runs (or waits on a lock) past DATABASE_STATEMENT_TIMEOUT_MS is cancelled by
// PostgreSQL: the request that ran it gets a 503 that says so, instead of holding a pooled
// connection, and the caller, for as long as the statement likes. Migrations are exempt.
import { afterAll, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import { lockTable } from '../../test/db';
import { api, createTestDatabase, signupWorkspace, startTestApp, type TestApp } from '../../test/harness';
import { createDb, createMigrationDb } from './knex';

const opened: Array<Knex | TestApp> = [];
const track = <T extends Knex | TestApp>(x: T): T => (opened.push(x), x);
afterAll(() => Promise.all(opened.map((x) => ('close' in x ? x.close() : x.destroy()))));

describe('statement timeout', () => {
  it('when a connection runs a statement past the timeout, then PostgreSQL cancels it; the migrations connection has none', async () => {
    const url = await createTestDatabase();
    const db = track(createDb({ DATABASE_URL: url, DATABASE_POOL_MAX: 1, DATABASE_STATEMENT_TIMEOUT_MS: 150 }));
    expect((await db.raw('SHOW statement_timeout')).rows[0].statement_timeout).toBe('150ms');
    await expect(db.raw('SELECT pg_sleep(2)')).rejects.toMatchObject({ code: '57014' });
    // The connection stays usable after a cancelled statement.
    expect((await db.raw('SELECT 1 AS one')).rows[0].one).toBe(1);
    const migrations = track(createMigrationDb({ DATABASE_URL: url }));
    expect((await migrations.raw('SHOW statement_timeout')).rows[0].statement_timeout).toBe('0');
  });

  it('when a request waits on a table another session holds locked, then it gets 503 query_timeout and the next request, once free, succeeds', async () => {
    const app = track(await startTestApp({ DATABASE_STATEMENT_TIMEOUT_MS: '500' }));
    const owner = await signupWorkspace(app);
    const lock = await lockTable(app.config.DATABASE_URL, 'teams');
    const started = Date.now();
    const stuck = await api(app, 'GET', '/v1/teams', undefined, owner.token);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(stuck).toMatchObject({ status: 503, body: { error: { code: 'query_timeout' } } });
    expect(stuck.body.error.message).toMatch(/took too long/);
    expect(app.logs.text()).toMatch(/statement timeout/);
    await lock.release();
    expect(await api(app, 'GET', '/v1/teams', undefined, owner.token)).toMatchObject({ status: 200, body: { items: [] } });
  });

  it('when deleting a channel has to wait past the timeout (years of messages go with it), then it still completes', async () => {
    const app = track(await startTestApp({ DATABASE_STATEMENT_TIMEOUT_MS: '300' }));
    const owner = await signupWorkspace(app);
    const channel = await api(app, 'POST', '/v1/channels', { type: 'webchat', name: 'Site' }, owner.token);
    expect(channel.status).toBe(201);
    const lock = await lockTable(app.config.DATABASE_URL, 'messages');
    const deleting = api(app, 'DELETE', `/v1/channels/${channel.body.id}`, undefined, owner.token);
    await new Promise((r) => setTimeout(r, 1_000));
    await lock.release();
    expect((await deleting).status).toBe(204);
    expect((await api(app, 'GET', `/v1/channels/${channel.body.id}`, undefined, owner.token)).status).toBe(404);
  });
});
