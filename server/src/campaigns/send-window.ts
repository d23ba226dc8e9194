// The hours a campaign may send in, in the workspace's time zone (e.g. 09:00–20:00). Pure.

const toMinutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** Minutes since local midnight (and seconds into that minute) at `at` in `timeZone`. */
function localClock(at: Date, timeZone: string): { minutes: number; seconds: number } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { minutes: get('hour') * 60 + get('minute'), seconds: get('second') };
}

export type SendWindow = { start: string; end: string; timeZone: string };

/** True when `at` falls inside the window; a window ending before it starts runs overnight. */
export function insideWindow(at: Date, w: SendWindow): boolean {
  const s = toMinutes(w.start);
  const e = toMinutes(w.end);
  if (s === e) return true;
  const { minutes } = localClock(at, w.timeZone);
  return s < e ? minutes >= s && minutes < e : minutes >= s || minutes < e;
}

/** Milliseconds until the window next opens; 0 when it is open now. */
export function msUntilWindow(at: Date, w: SendWindow): number {
  if (insideWindow(at, w)) return 0;
  const { minutes, seconds } = localClock(at, w.timeZone);
  const ahead = (toMinutes(w.start) - minutes + 1440) % 1440;
  return Math.max(1_000, (ahead * 60 - seconds) * 1000);
}

export const isValidTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};
