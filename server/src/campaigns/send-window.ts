// The hours a campaign may send in, in the workspace's time zone (e.g. 09:00–20:00). Pure.
import { clockMinutes, localClock, withinHours } from '@zyntra/flows-schema';

export type SendWindow = { start: string; end: string; timeZone: string };

/** True when `at` falls inside the window; a window ending before it starts runs overnight. */
export function insideWindow(at: Date, w: SendWindow): boolean {
  return withinHours(localClock(at, w.timeZone).minutes, w.start, w.end);
}

/** Milliseconds until the window next opens; 0 when it is open now. */
export function msUntilWindow(at: Date, w: SendWindow): number {
  if (insideWindow(at, w)) return 0;
  const { minutes, seconds } = localClock(at, w.timeZone);
  const ahead = (clockMinutes(w.start) - minutes + 1440) % 1440;
  return Math.max(1_000, (ahead * 60 - seconds) * 1000);
}
