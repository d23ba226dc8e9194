// The reader's days of a period as SQL: a `days` CTE with one row per calendar day in the time zone
// :tz that [:from, :to) touches, so a per-day report LEFT JOINs its counts to it and has no gaps.
export const DAYS_CTE = `
  days AS (
    SELECT d::date AS day FROM generate_series(
      (CAST(:from AS timestamptz) AT TIME ZONE :tz)::date,
      ((CAST(:to AS timestamptz) - interval '1 microsecond') AT TIME ZONE :tz)::date,
      interval '1 day') d)`;
