// GET /v1/reports/transfers/daily: the transfers to people begun on each day of a period, in the
// reader's time zone, and what became of them (answered, ended without a reply, still open without
// one). Days without any are there with zeros, so a chart has no gaps. One query.
import type { Knex } from 'knex';
import { DAYS_CTE, readDays, type DailyPeriod } from './report-days';

const SQL = `
  WITH ${DAYS_CTE},
  h AS (
    SELECT (started_at AT TIME ZONE :tz)::date AS day,
      count(*)::int AS total,
      count(*) FILTER (WHERE first_reply_at IS NOT NULL)::int AS answered,
      count(*) FILTER (WHERE first_reply_at IS NULL AND ended_at IS NOT NULL)::int AS unanswered
    FROM inbox_handoffs
    WHERE tenant_id = :t AND kind = 'transfer' AND started_at >= :from AND started_at < :to
    GROUP BY 1)
  SELECT to_char(days.day, 'YYYY-MM-DD') AS day, COALESCE(h.total, 0) AS total,
    COALESCE(h.answered, 0) AS answered, COALESCE(h.unanswered, 0) AS unanswered
  FROM days LEFT JOIN h USING (day) ORDER BY days.day`;

type Row = { day: string; total: number; answered: number; unanswered: number };

export const transfersByDay = (db: Knex, tenantId: string, q: DailyPeriod) =>
  readDays(db, tenantId, q, SQL, (r: Row) => ({ day: r.day, total: r.total, answered: r.answered, unanswered: r.unanswered, open: r.total - r.answered - r.unanswered }));
