// The reader's days of a period as SQL: a `days` CTE with one row per calendar day in the time zone
// :tz that [:from, :to) touches, so a per-day report LEFT JOINs its counts to it and has no gaps; and
// the read every per-day report answers with (the period, its zone, a row a day).
import type { Knex } from 'knex';
import { forTenant } from '../db/tenant-db';

export const DAYS_CTE = `
  days AS (
    SELECT d::date AS day FROM generate_series(
      (CAST(:from AS timestamptz) AT TIME ZONE :tz)::date,
      ((CAST(:to AS timestamptz) - interval '1 microsecond') AT TIME ZONE :tz)::date,
      interval '1 day') d)`;

export type DailyPeriod = { from: Date; to: Date; tz: string };

/** Runs a per-day report's SQL (bound :t, :from, :to, :tz) for the workspace and shapes each day's row. */
export async function readDays<R, D>(db: Knex, tenantId: string, q: DailyPeriod, sql: string, day: (row: R) => D) {
  const tdb = forTenant(db, tenantId);
  const rows = (await tdb.raw(sql, { t: tdb.tenantId, from: q.from, to: q.to, tz: q.tz })).rows as R[];
  return { from: q.from.toISOString(), to: q.to.toISOString(), timeZone: q.tz, days: rows.map(day) };
}
