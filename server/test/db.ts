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
