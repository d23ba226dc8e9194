// The demo workspace `npm start` seeds on a first start: its owner signs in and finds the shop's
// canned responses under "/" (the hours the same as the sample flow's); a second start changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import knexFactory, { type Knex } from 'knex';
import { seedDemoWorkspace } from '@zyntra/database';
import { hashPassword } from '../server/src/accounts/passwords';
import { api, startTestApp, type TestApp } from '../server/test/harness';

let app: TestApp;
let db: Knex;
const login = { email: 'demo@zyntra.local', password: 'senha-da-demo-123' };

beforeAll(async () => {
  app = await startTestApp();
  db = knexFactory({ client: 'pg', connection: app.config.DATABASE_URL, pool: { min: 0, max: 1 } });
});
afterAll(async () => {
  await db?.destroy();
  await app?.close();
});

describe('demo workspace', () => {
  it('when seeded, then its owner finds the canned responses; seeded again, nothing changes', async () => {
    const first = await seedDemoWorkspace(db, { email: login.email, passwordHash: await hashPassword(login.password) });
    expect(first.created).toBe(true);
    const signedIn = await api(app, 'POST', '/v1/auth/login', login);
    expect(signedIn.status).toBe(200);
    const token = signedIn.body.token as string;
    const all = await api(app, 'GET', '/v1/canned-responses', undefined, token);
    expect(all.body.items.map((c: { shortcut: string }) => c.shortcut).sort()).toEqual(['horario', 'obrigado', 'ola']);
    const hours = await api(app, 'GET', '/v1/canned-responses?q=hor', undefined, token);
    expect(hours.body.items).toEqual([expect.objectContaining({ shortcut: 'horario', text: 'Atendemos de segunda a sábado, das 9h às 18h.' })]);

    const again = await seedDemoWorkspace(db, { email: login.email, passwordHash: await hashPassword('outra-senha-456') });
    expect(again).toMatchObject({ created: false, tenantId: first.tenantId });
    expect((await api(app, 'GET', '/v1/canned-responses', undefined, token)).body.items).toHaveLength(3);
  });
});
