// GET /v1/reports/csat/daily: the survey answers given on each day of a period, in the reader's time
// zone, by score, so an owner sees when ratings dropped. Days without answers are there with zeros.
// A survey counts on the day it was answered, as the period's totals (satisfaction.ts) count it.
import type { Knex } from 'knex';
import { DAYS_CTE, readDays, type DailyPeriod } from './report-days';

const SQL = `
  WITH ${DAYS_CTE},
  s AS (
    SELECT (answered_at AT TIME ZONE :tz)::date AS day,
      count(*) FILTER (WHERE score = 3)::int AS great,
      count(*) FILTER (WHERE score = 2)::int AS ok,
      count(*) FILTER (WHERE score = 1)::int AS poor
    FROM satisfaction_surveys
    WHERE tenant_id = :t AND score IS NOT NULL AND answered_at >= :from AND answered_at < :to
    GROUP BY 1)
  SELECT to_char(days.day, 'YYYY-MM-DD') AS day, COALESCE(s.great, 0) AS great,
    COALESCE(s.ok, 0) AS ok, COALESCE(s.poor, 0) AS poor
  FROM days LEFT JOIN s USING (day) ORDER BY days.day`;

type Row = { day: string; great: number; ok: number; poor: number };

export const satisfactionByDay = (db: Knex, tenantId: string, q: DailyPeriod) =>
  readDays(db, tenantId, q, SQL, (r: Row) => ({ day: r.day, answers: r.great + r.ok + r.poor, great: r.great, ok: r.ok, poor: r.poor }));
