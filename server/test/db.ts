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

/**
 * The pages (shared buffers hit or read) one statement reads, from EXPLAIN (ANALYZE, BUFFERS), and its
 * plan, inside a transaction rolled back afterwards (an UPDATE changes nothing). With `generic`, the
 * statement is planned as a prepared statement without its parameters' values: the plan PostgreSQL
 * may keep for a named statement after a few runs (plan_cache_mode = force_generic_plan).
 */
export async function pagesRead(url: string, sql: string, params: unknown[] = [], opts: { generic?: boolean } = {}): Promise<{ pages: number; widestScan: { name: string; pages: number }; plan: Record<string, any> }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('BEGIN');
    let explained: string;
    if (opts.generic) {
      await c.query("SET LOCAL plan_cache_mode = 'force_generic_plan'");
      await c.query(`PREPARE pages_read_probe AS ${sql}`);
      const args = params.map((v) => (v === null || v === undefined ? 'NULL' : c.escapeLiteral(toText(v))));
      explained = `EXECUTE pages_read_probe${args.length ? `(${args.join(', ')})` : ''}`;
    } else explained = sql;
    const rows = (await c.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${explained}`, opts.generic ? [] : params)).rows;
    const plan = rows[0]['QUERY PLAN'][0].Plan;
    return { pages: pagesOf(plan) + cteWrites(plan).reduce((n, cte) => n + pagesOf(cte), 0), widestScan: widestScan(plan), plan };
  } finally {
    await c.query('ROLLBACK').catch(() => undefined);
    await c.end();
  }
}

const pagesOf = (node: Record<string, any>): number => node['Shared Hit Blocks'] + node['Shared Read Blocks'];

/**
 * A statement's writing CTEs: what the main query did not read of them runs after it, outside the
 * top node's count, so they are added (an upper bound: what it did read is counted twice).
 */
const cteWrites = (node: Record<string, any>): Array<Record<string, any>> =>
  (node.Plans ?? []).flatMap((child: Record<string, any>) =>
    [...(child['Node Type'] === 'ModifyTable' && String(child['Subplan Name'] ?? '').startsWith('CTE ') ? [child] : []), ...cteWrites(child)]);

/**
 * The scan that read the most pages (an index or a table, by name): where a statement walks rows
 * that are not its own, whatever it writes. A bitmap heap scan counts its index's pages too.
 */
function widestScan(node: Record<string, any>): { name: string; pages: number } {
  const own = /Scan$/.test(node['Node Type']) && (node['Index Name'] ?? node['Relation Name'])
    ? [{ name: `${node['Node Type']} on ${node['Index Name'] ?? node['Relation Name']}`, pages: pagesOf(node) }] : [];
  const all = [...own, ...(node.Plans ?? []).map((child: Record<string, any>) => widestScan(child))];
  return all.reduce((a, b) => (b.pages > a.pages ? b : a), { name: 'none', pages: 0 });
}

/** A parameter as PostgreSQL's text form (arrays as `{a,b}`), as `pg` would send it. */
const toText = (v: unknown): string =>
  Array.isArray(v) ? `{${v.map((x) => JSON.stringify(String(x))).join(',')}}`
    : v instanceof Date ? v.toISOString()
      : typeof v === 'object' ? JSON.stringify(v)
        : String(v);
