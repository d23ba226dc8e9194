// `npm run db:migrate | db:rollback | db:seed` against DATABASE_URL.
import knexFactory from 'knex';
import { randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { migrateLatest, rollbackLast, seedDemoWorkspace } from './index';

const command = process.argv[2];
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set: point it at a PostgreSQL database (e.g. postgres://user:pass@127.0.0.1:5432/zyntra)');
  process.exit(1);
}
const db = knexFactory({ client: 'pg', connection: url, pool: { min: 0, max: 2 } });
try {
  if (command === 'migrate') console.log('applied:', (await migrateLatest(db)).join(', ') || 'nothing to do');
  else if (command === 'rollback') console.log('rolled back:', (await rollbackLast(db)).join(', ') || 'nothing');
  else if (command === 'seed') {
    const email = process.env.DEMO_EMAIL ?? 'demo@zyntra.local';
    const password = process.env.DEMO_PASSWORD ?? randomBytes(9).toString('base64url');
    const result = await seedDemoWorkspace(db, { email, passwordHash: await hash(password) });
    console.log(result.created ? `demo workspace created: ${email} / ${password}` : `demo workspace exists: ${email}`);
  } else {
    console.error(`unknown command "${command ?? ''}": use migrate, rollback or seed`);
    process.exitCode = 1;
  }
} finally {
  await db.destroy();
}
