// GET /v1/reports/response-times: from handoff to the first human reply and to the close, per
// agent and per team, as median and 90th percentile (supervisors ask for these, not averages), and
// how many handoffs got no human reply at all.
import type { Knex } from 'knex';
import { forTenant } from '../db/tenant-db';
import { handoffCounts, perAgent, perTeam, type Stat } from './response-times.queries';

const figure = (s: Stat) => ({ p50Ms: s.p50_ms === null ? null : Number(s.p50_ms), p90Ms: s.p90_ms === null ? null : Number(s.p90_ms), count: Number(s.count) });

export async function responseTimes(db: Knex, tenantId: string, range: { from: Date; to: Date }) {
  const tdb = forTenant(db, tenantId);
  const [counts, agents, teams] = [await handoffCounts(tdb, range.from, range.to), await perAgent(tdb, range.from, range.to), await perTeam(tdb, range.from, range.to)];
  return {
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    handoffs: { total: counts.total, answered: counts.answered, waiting: counts.waiting, unanswered: counts.unanswered, noAgent: counts.no_agent },
    agents: agents.map((a) => ({ userId: a.user_id, name: a.name, firstReply: figure(a.first), close: figure(a.close) })),
    teams: teams.map((t) => ({ teamId: t.team_id, name: t.name, firstReply: figure(t.first), close: figure(t.close), unanswered: t.unanswered })),
  };
}
