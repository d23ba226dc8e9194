// GET /v1/reports/csat: how customers rated the service in a period. The surveys answered in it
// (by the time of the answer), the share of "great", and the same per agent who held the chat at
// its close; plus how many surveys went out in it, so a low answer rate shows. One query each.
import type { Knex } from 'knex';
import { forTenant } from '../db/tenant-db';

type Row = { agent_id: string | null; name: string | null; grouped: number; answers: number; great: number; ok: number; poor: number };

const figures = (r: Pick<Row, 'answers' | 'great' | 'ok' | 'poor'>) => ({
  answers: r.answers, great: r.great, ok: r.ok, poor: r.poor,
  greatShare: r.answers > 0 ? r.great / r.answers : null,
});

export async function satisfactionResults(db: Knex, tenantId: string, range: { from: Date; to: Date }) {
  const tdb = forTenant(db, tenantId);
  const rows: Row[] = await tdb
    .from('satisfaction_surveys')
    .leftJoin('users as u', 'u.id', 'satisfaction_surveys.agent_id')
    .whereNotNull('satisfaction_surveys.score')
    .where('satisfaction_surveys.answered_at', '>=', range.from)
    .where('satisfaction_surveys.answered_at', '<', range.to)
    .select('satisfaction_surveys.agent_id', 'u.name')
    .select(tdb.raw('GROUPING(satisfaction_surveys.agent_id, u.name)::int AS grouped'))
    .select(tdb.raw('count(*)::int AS answers'))
    .select(tdb.raw('(count(*) FILTER (WHERE score = 3))::int AS great'))
    .select(tdb.raw('(count(*) FILTER (WHERE score = 2))::int AS ok'))
    .select(tdb.raw('(count(*) FILTER (WHERE score = 1))::int AS poor'))
    .groupByRaw('GROUPING SETS ((satisfaction_surveys.agent_id, u.name), ())');
  const sent = await tdb.from('satisfaction_surveys').where('sent_at', '>=', range.from).where('sent_at', '<', range.to).count<{ n: string }[]>('* as n');
  const total = rows.find((r) => r.grouped !== 0);
  return {
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    sent: Number(sent[0]?.n ?? 0),
    totals: figures(total ?? { answers: 0, great: 0, ok: 0, poor: 0 }),
    agents: rows
      .filter((r) => r.grouped === 0)
      .map((r) => ({ userId: r.agent_id, name: r.name, ...figures(r) }))
      .sort((a, b) => b.answers - a.answers || (a.name ?? '').localeCompare(b.name ?? '')),
  };
}
