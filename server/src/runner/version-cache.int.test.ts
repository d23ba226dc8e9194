// The published-version cache against real PostgreSQL: a workspace controls how large its flow
// documents are, so what the cache keeps is bounded by bytes, not only by how many versions.
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/harness';
import { createDb } from '../db/knex';
import { forTenant, type TenantDb } from '../db/tenant-db';
import { createVersionCache } from './version-cache';

let db: Knex;
let tdb: TenantDb;
const versionIds: string[] = [];

/** A stored document of about `bytes` bytes of JSON (the cache does not validate what it loads). */
const documentOf = (bytes: number, i: number) => ({ schemaVersion: 1, nodes: [], edges: [], settings: { padding: `${i}`.padEnd(bytes, 'x') } });

beforeAll(async () => {
  db = createDb({ DATABASE_URL: await createTestDatabase(), DATABASE_POOL_MAX: 2 });
  const [tenant] = await db('tenants').insert({ name: 'Loja' }).returning('id');
  tdb = forTenant(db, tenant.id);
  const [flow] = await tdb.insert('flows', { name: 'Grande', draft: {} }).returning('id');
  for (let i = 1; i <= 6; i++) {
    const [v] = await tdb.insert('flow_versions', { flow_id: flow.id, version: i, document: documentOf(200_000, i) }).returning('id');
    versionIds.push(v.id);
  }
});
afterAll(() => db?.destroy());

describe('flow version cache', () => {
  it('when versions larger than the byte budget are loaded, then the cache holds no more than the budget', async () => {
    const cache = createVersionCache({ maxBytes: 500_000 });
    for (const id of versionIds) expect((await cache.get(tdb, id))?.versionId).toBe(id);
    expect(cache.bytes).toBeLessThanOrEqual(500_000);
    expect(cache.bytes).toBeGreaterThan(0);
  });

  it('when a version was evicted, then it is loaded again and still correct', async () => {
    const cache = createVersionCache({ maxBytes: 500_000 });
    for (const id of versionIds) await cache.get(tdb, id);
    const first = await cache.get(tdb, versionIds[0]!);
    expect((first?.document.settings as unknown as { padding: string }).padding.startsWith('1x')).toBe(true);
  });

  it('when a version is larger than the whole budget, then it is served but not kept', async () => {
    const cache = createVersionCache({ maxBytes: 100_000 });
    expect((await cache.get(tdb, versionIds[0]!))?.versionId).toBe(versionIds[0]);
    expect(cache.bytes).toBe(0);
  });

  it('when an id names no version of this workspace, then null', async () => {
    const cache = createVersionCache();
    expect(await cache.get(tdb, '00000000-0000-0000-0000-000000000000')).toBeNull();
  });
});
