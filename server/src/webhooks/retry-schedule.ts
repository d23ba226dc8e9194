// When a failed webhook delivery is tried again. The schedule is a list of delays after each
// failed attempt (WEBHOOK_RETRY_SCHEDULE, e.g. "5s,5m,30m,2h,5h,8h,8h" ≈ a day); each delay gets
// ±20 % random jitter so endpoints that failed together do not all retry in the same second.

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 } as const;
const DURATION = /^(\d{1,9})(ms|s|m|h)$/;

export const DEFAULT_RETRY_SCHEDULE = '5s,5m,30m,2h,5h,8h,8h';

/** Parses "5s,5m,2h" into milliseconds; null when an entry is not a duration. */
export function parseRetrySchedule(text: string): number[] | null {
  const entries = text.split(',').map((e) => e.trim()).filter(Boolean);
  const out: number[] = [];
  for (const entry of entries) {
    const m = DURATION.exec(entry);
    if (!m) return null;
    out.push(Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS]);
  }
  return out.length ? out : null;
}

export const JITTER = 0.2;

/**
 * The delay before attempt `failedAttempt + 1`, or null when the schedule is exhausted.
 * `random` in [0, 1); a Retry-After longer than the scheduled delay wins.
 */
export function nextDelayMs(schedule: readonly number[], failedAttempt: number, random: number, retryAfterMs?: number): number | null {
  const base = schedule[failedAttempt - 1];
  if (base === undefined) return null;
  const jittered = Math.round(base * (1 - JITTER + 2 * JITTER * random));
  return Math.max(jittered, retryAfterMs ?? 0);
}

/** Retry-After as seconds or an HTTP date, in ms from `now`; undefined when absent or unreadable. */
export function retryAfterMs(header: string | undefined, now: number): number | undefined {
  if (!header) return undefined;
  if (/^\d{1,7}$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(at - now, 0);
}
