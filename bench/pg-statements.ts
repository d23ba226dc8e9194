// BENCH_PG_STATEMENTS=1: where PostgreSQL's time goes per message. The bench server loads
// pg_stat_statements; each Zyntra variant's counters are reset before it runs and read after,
// and the top statements are printed as milliseconds of execution (and planning) per reply.
import pg from 'pg';

export const PG_STATEMENT_FLAGS = ['-c', 'shared_preload_libraries=pg_stat_statements', '-c', 'pg_stat_statements.track=all', '-c', 'pg_stat_statements.track_planning=on'];

export const statementsWanted = () => process.env.BENCH_PG_STATEMENTS === '1';

export type StatementCost = { query: string; calls: number; perReplyMs: number; planPerReplyMs: number; meanMs: number };

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export async function resetStatements(url: string): Promise<void> {
  await withClient(url, async (c) => {
    await c.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    await c.query('SELECT pg_stat_statements_reset()');
  });
}

/** The costliest statements since the reset, per reply the fake provider saw. */
export async function topStatements(url: string, replies: number, limit = 15): Promise<{ totalPerReplyMs: number; statementsPerReply: number; top: StatementCost[] }> {
  return withClient(url, async (c) => {
    const rows = (await c.query(
      `SELECT regexp_replace(query, '\\s+', ' ', 'g') AS query, calls::int, total_exec_time, total_plan_time, mean_exec_time
       FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
       ORDER BY total_exec_time + total_plan_time DESC`,
    )).rows as Array<{ query: string; calls: number; total_exec_time: number; total_plan_time: number; mean_exec_time: number }>;
    const per = (ms: number) => Math.round((ms / Math.max(1, replies)) * 1000) / 1000;
    const total = rows.reduce((n, r) => n + r.total_exec_time + r.total_plan_time, 0);
    const calls = rows.reduce((n, r) => n + r.calls, 0);
    return {
      totalPerReplyMs: per(total),
      // Every statement, BEGIN and COMMIT included: each is a round trip for the client and the server.
      statementsPerReply: Math.round((calls / Math.max(1, replies)) * 100) / 100,
      top: rows.slice(0, limit).map((r) => ({
        query: r.query.slice(0, 160), calls: r.calls, perReplyMs: per(r.total_exec_time), planPerReplyMs: per(r.total_plan_time), meanMs: Math.round(r.mean_exec_time * 1000) / 1000,
      })),
    };
  });
}

export function printStatements(label: string, s: { totalPerReplyMs: number; statementsPerReply: number; top: StatementCost[] }): void {
  console.log(`\nPostgreSQL time per reply, ${label}: ${s.totalPerReplyMs} ms in all (execution + planning), ${s.statementsPerReply} statements`);
  for (const t of s.top) console.log(`  ${String(t.perReplyMs).padStart(7)} + ${String(t.planPerReplyMs).padStart(6)} plan ms  ${String(t.calls).padStart(7)} calls  ${t.query}`);
}
