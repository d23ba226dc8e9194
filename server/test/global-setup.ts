// Starts real PostgreSQL, Redis and S3-protocol storage once per test run, on free loopback ports,
// and migrates a template database that each test file clones (CREATE DATABASE … TEMPLATE).
import type { TestProject } from 'vitest/node';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knexFactory from 'knex';
import { migrateLatest } from '@zyntra/database';
import { freePort } from '../src/stack/free-port';
import { ensureDatabase, startLocalPostgres } from '../src/stack/local-postgres';
import { ensureRedisServer, startLocalRedis } from '../src/stack/local-redis';
import { startLocalS3 } from '../src/stack/local-s3';

export const TEMPLATE_DB = 'zyntra_template';

export default async function setup(project: TestProject) {
  const root = mkdtempSync(join(tmpdir(), 'zyntra-test-'));
  // As root, PostgreSQL runs as an unprivileged user that must be able to reach its data dir.
  chmodSync(root, 0o755);
  const [pgPort, redisPort, s3Port] = await Promise.all([freePort(), freePort(), freePort()]);
  const [pg, redis, s3] = await Promise.all([
    startLocalPostgres({ dataDir: join(root, 'pg'), port: pgPort, persistent: false }),
    startLocalRedis({ binary: ensureRedisServer(() => {}), port: redisPort }),
    startLocalS3({ dataDir: join(root, 's3'), port: s3Port, bucket: 'zyntra-test' }),
  ]);
  await ensureDatabase(pg.url('postgres'), TEMPLATE_DB);
  const db = knexFactory({ client: 'pg', connection: pg.url(TEMPLATE_DB) });
  await migrateLatest(db);
  await db.destroy();

  project.provide('services', {
    postgresAdminUrl: pg.url('postgres'),
    postgresUrlFor: pg.url('__DB__'),
    templateDb: TEMPLATE_DB,
    redisUrl: redis.url,
    redisPort,
    s3Endpoint: s3.endpoint,
    s3AccessKeyId: s3.accessKeyId,
    s3SecretAccessKey: s3.secretAccessKey,
  });

  return async () => {
    await Promise.allSettled([pg.stop(), redis.stop(), s3.stop()]);
    rmSync(root, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    services: {
      postgresAdminUrl: string;
      postgresUrlFor: string;
      templateDb: string;
      redisUrl: string;
      redisPort: number;
      s3Endpoint: string;
      s3AccessKeyId: string;
      s3SecretAccessKey: string;
    };
  }
}
