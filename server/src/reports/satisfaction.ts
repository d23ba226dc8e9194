// GET /v1/reports/csat: how customers rated the service in a period. The surveys answered in it
// (by the time of the answer), the share of "great", and the same per agent who held the chat at
// its close; plus the surveys that went out in it and the share of those answered by now (in all
// and per agent), so a low answer rate shows; and whether the survey is on now.
import type { Knex } from 'knex';
import { forTenant } from '../db/tenant-db';
import { getInboxSettings } from '../inbox/inbox-settings.service';

type Row = { agent_id: string | null; name: string | null; grouped: number; answers: number; great: number; ok: number; poor: number };
type SentRow = { agent_id: string | null; name: string | null; grouped: number; sent: number; answered: number };

const figures = (r: Pick<Row, 'answers' | 'great' | 'ok' | 'poor'>) => ({
  answers: r.answers, great: r.great, ok: r.ok, poor: r.poor,
  greatShare: r.answers > 0 ? r.great / r.answers : null,
});

/**
 * The surveys whose `at` falls in the range, counted per agent who held the chat at its close (with
 * the agent's name) and in all (`grouped` is 0 on an agent's row, 1 on the total), by `counts`.
 */
function perAgentAndTotal(db: Knex, tenantId: string, at: 'answered_at' | 'sent_at', range: { from: Date; to: Date }, counts: string[]) {
  const tdb = forTenant(db, tenantId);
  return tdb
    .from('satisfaction_surveys')
    .leftJoin('users as u', 'u.id', 'satisfaction_surveys.agent_id')
    .where(`satisfaction_surveys.${at}`, '>=', range.from)
    .where(`satisfaction_surveys.${at}`, '<', range.to)
    .select('satisfaction_surveys.agent_id', 'u.name')
    .select(tdb.raw('GROUPING(satisfaction_surveys.agent_id, u.name)::int AS grouped'))
    .select(counts.map((sql) => tdb.raw(sql)))
    .groupByRaw('GROUPING SETS ((satisfaction_surveys.agent_id, u.name), ())');
}

export async function satisfactionResults(db: Knex, tenantId: string, range: { from: Date; to: Date }) {
  const rows: Row[] = await perAgentAndTotal(db, tenantId, 'answered_at', range, [
    'count(*)::int AS answers',
    '(count(*) FILTER (WHERE score = 3))::int AS great',
    '(count(*) FILTER (WHERE score = 2))::int AS ok',
    '(count(*) FILTER (WHERE score = 1))::int AS poor',
  ]).whereNotNull('satisfaction_surveys.score');
  // Who was sent what in the range, and how much of it was answered by now (whenever the tap came).
  const sentRows: SentRow[] = await perAgentAndTotal(db, tenantId, 'sent_at', range, [
    'count(*)::int AS sent',
    'count(satisfaction_surveys.score)::int AS answered',
  ]);
  const rate = (r: SentRow | undefined) => ({ sent: r?.sent ?? 0, answerRate: r && r.sent > 0 ? r.answered / r.sent : null });
  const sentBy = new Map(sentRows.filter((r) => r.grouped === 0).map((r) => [r.agent_id, r]));
  const answered = rows.filter((r) => r.grouped === 0);
  // An agent whose surveys went unanswered is listed too: that is what the rate is for.
  const silent = [...sentBy.values()].filter((r) => !answered.some((a) => a.agent_id === r.agent_id)).map((r) => ({ ...r, answers: 0, great: 0, ok: 0, poor: 0 }));
  const total = rows.find((r) => r.grouped !== 0);
  const sentTotal = sentRows.find((r) => r.grouped !== 0);
  return {
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    surveyOn: (await getInboxSettings(db, tenantId)).satisfactionSurvey,
    sent: sentTotal?.sent ?? 0,
    answerRate: rate(sentTotal).answerRate,
    totals: figures(total ?? { answers: 0, great: 0, ok: 0, poor: 0 }),
    agents: [...answered, ...silent]
      .map((r) => ({ userId: r.agent_id, name: r.name, ...figures(r), ...rate(sentBy.get(r.agent_id)) }))
      .sort((a, b) => b.answers - a.answers || b.sent - a.sent || (a.name ?? '').localeCompare(b.name ?? '')),
  };
}
