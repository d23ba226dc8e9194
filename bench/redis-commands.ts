// With BENCH_PG_STATEMENTS=1, also Redis's side: the commands each Zyntra variant sent, per reply
// (INFO commandstats, reset before the variant runs). Scripts count as their EVALSHA/EVAL calls.
import { Redis } from 'ioredis';

async function withRedis<T>(url: string, fn: (r: Redis) => Promise<T>): Promise<T> {
  const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await r.connect();
  try {
    return await fn(r);
  } finally {
    r.disconnect();
  }
}

export const resetRedisCommands = (url: string) => withRedis(url, (r) => r.config('RESETSTAT'));

export type RedisCommands = { perReply: number; top: Array<{ command: string; perReply: number }> };

/** `cmdstat_evalsha:calls=12,usec=…` lines → calls per reply, most frequent first. */
export function parseCommandStats(info: string, replies: number): RedisCommands {
  const per = (n: number) => Math.round((n / Math.max(1, replies)) * 100) / 100;
  const rows = [...info.matchAll(/^cmdstat_([\w|-]+):calls=(\d+)/gm)].map((m) => ({ command: m[1]!, calls: Number(m[2]) }));
  rows.sort((a, b) => b.calls - a.calls);
  return { perReply: per(rows.reduce((n, r) => n + r.calls, 0)), top: rows.map((r) => ({ command: r.command, perReply: per(r.calls) })) };
}

export const redisCommands = (url: string, replies: number) => withRedis(url, async (r) => parseCommandStats(await r.info('commandstats'), replies));

export function printRedisCommands(label: string, c: RedisCommands): void {
  console.log(`\nRedis commands per reply, ${label}: ${c.perReply} in all`);
  console.log(`  ${c.top.filter((t) => t.perReply >= 0.05).map((t) => `${t.command} ${t.perReply}`).join(', ')}`);
}
