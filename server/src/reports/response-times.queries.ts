// Response times from transfers (inbox_handoffs of kind 'transfer'): each starts when the bot hands
// the chat to humans, so bot time is never counted; a hand-back ends it. A closed chat back with
// people (the customer wrote again, a member reopened it) or one a member started is no transfer.
// Median and 90th percentile, in milliseconds.
import type { TenantDb } from '../db/tenant-db';
import { WAITING_FOLDER } from '../conversations/conversation-list.queries';

export type Stat = { p50_ms: number | null; p90_ms: number | null; count: number };
export type AgentRow = { user_id: string; name: string | null; first: Stat; close: Stat };
export type TeamRow = { team_id: string; name: string | null; first: Stat; close: Stat; unanswered: number };
export type HandoffCounts = { total: number; answered: number; waiting: number; unanswered: number; no_agent: number };

const percentiles = (expr: string, filter: string) => `json_build_object(
  'p50_ms', round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ${expr}) FILTER (WHERE ${filter})),
  'p90_ms', round(percentile_cont(0.9) WITHIN GROUP (ORDER BY ${expr}) FILTER (WHERE ${filter})),
  'count', count(*) FILTER (WHERE ${filter}))`;
const FIRST = percentiles('extract(epoch FROM h.first_reply_at - h.started_at) * 1000', 'h.first_reply_at IS NOT NULL AND h.by_first');
/** Ended (closed, handed back, or returned to the bot because nobody took it) before any human reply. */
const UNANSWERED = 'count(*) FILTER (WHERE h.first_reply_at IS NULL AND h.ended_at IS NOT NULL)::int';
const CLOSE = percentiles("extract(epoch FROM h.ended_at - h.started_at) * 1000", "h.end_reason = 'closed' AND h.by_close");
/** The transfers begun in the range (the handoffs the reports are about). */
const TRANSFERS = "inbox_handoffs WHERE tenant_id = :t AND kind = 'transfer' AND started_at >= :from AND started_at < :to";

/**
 * One row per handoff and person involved: the agent who first replied (first reply) and the one
 * holding it when it was closed (close), so each figure lands on the agent it belongs to.
 */
const PER_AGENT = `
  WITH h AS (
    SELECT first_reply_by AS user_id, started_at, first_reply_at, ended_at, end_reason, true AS by_first, false AS by_close
      FROM ${TRANSFERS} AND first_reply_by IS NOT NULL
    UNION ALL
    SELECT ended_assignee_id, started_at, first_reply_at, ended_at, end_reason, false, true
      FROM ${TRANSFERS} AND ended_assignee_id IS NOT NULL AND end_reason = 'closed')
  SELECT h.user_id, u.name, ${FIRST} AS first, ${CLOSE} AS close
  FROM h LEFT JOIN users u ON u.id = h.user_id
  GROUP BY h.user_id, u.name ORDER BY u.name`;

const PER_TEAM = `
  WITH h AS (SELECT *, true AS by_first, true AS by_close FROM ${TRANSFERS} AND team_id IS NOT NULL)
  SELECT h.team_id, tm.name, ${FIRST} AS first, ${CLOSE} AS close, ${UNANSWERED} AS unanswered
  FROM h LEFT JOIN teams tm ON tm.id = h.team_id AND tm.tenant_id = :t
  GROUP BY h.team_id, tm.name ORDER BY tm.name`;

/**
 * What became of the transfers begun in the range (answered, or ended unanswered), and how many chats
 * wait now: the inbox's Waiting folder, whatever the range (a chat taken but not yet answered is in
 * someone's hands, not waiting; one waiting since before the range still waits).
 */
const COUNTS = `
  SELECT count(*)::int AS total,
    count(*) FILTER (WHERE h.first_reply_at IS NOT NULL)::int AS answered,
    (SELECT count(*) FROM conversations WHERE conversations.tenant_id = :t AND ${WAITING_FOLDER})::int AS waiting,
    ${UNANSWERED} AS unanswered,
    count(*) FILTER (WHERE h.first_reply_at IS NULL AND h.end_reason = 'no_agent')::int AS no_agent
  FROM (SELECT * FROM ${TRANSFERS}) h`;

export async function handoffCounts(tdb: TenantDb, from: Date, to: Date): Promise<HandoffCounts> {
  return (await tdb.raw(COUNTS, { t: tdb.tenantId, from, to })).rows[0];
}

export async function perAgent(tdb: TenantDb, from: Date, to: Date): Promise<AgentRow[]> {
  return (await tdb.raw(PER_AGENT, { t: tdb.tenantId, from, to })).rows;
}

export async function perTeam(tdb: TenantDb, from: Date, to: Date): Promise<TeamRow[]> {
  return (await tdb.raw(PER_TEAM, { t: tdb.tenantId, from, to })).rows;
}
