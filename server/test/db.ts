// Direct reads and writes on a test app's database, for checking what the product stored.
import pg from 'pg';

/** Runs one statement on the database at `url` over its own connection and returns the rows. */
export async function query(url: string, sql: string, params: unknown[] = []): Promise<any[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows;
  } finally {
    await c.end();
  }
}

/**
 * Holds `table` locked (ACCESS EXCLUSIVE) from a session of the test's own, so the app's statements on
 * it wait, until `release()`; the promise it returns resolves once the lock is held.
 */
export async function lockTable(url: string, table: string): Promise<{ release(): Promise<void> }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query('BEGIN');
  await c.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
  return {
    release: async () => {
      await c.query('COMMIT');
      await c.end();
    },
  };
}
