// Building an index without locking its table's writes (CREATE INDEX CONCURRENTLY runs outside a
// transaction: a migration using it sets `config = { transaction: false }`). A build that failed
// half-way leaves an invalid index of that name: it is dropped and built again.
import type { Knex } from 'knex';

export async function buildConcurrently(db: Knex, name: string, definition: string): Promise<void> {
  const invalid = await db.raw('SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = ? AND NOT i.indisvalid', [name]);
  if (invalid.rows.length) await db.raw(`DROP INDEX CONCURRENTLY IF EXISTS ${name}`);
  await db.raw(`CREATE INDEX CONCURRENTLY IF NOT EXISTS ${name} ON ${definition}`);
}
