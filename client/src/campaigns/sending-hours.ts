// When a campaign started now would send its first message: at once inside its sending hours, else
// when they next open (today or tomorrow), on the clock of the campaign's time zone, by the rule the
// server's sender keeps (withinHours: equal start and end are all day, an end before the start runs
// overnight).
import { clockMinutes, localClock, withinHours } from '@zyntra/flows-schema';

export type SendingHours = { start: string; end: string };

/** Null when sending can begin now; else the time it begins and whether that is tomorrow. */
export function sendingBegins(at: Date, w: SendingHours, timeZone: string): { time: string; tomorrow: boolean } | null {
  const { minutes } = localClock(at, timeZone);
  return withinHours(minutes, w.start, w.end) ? null : { time: w.start, tomorrow: minutes > clockMinutes(w.start) };
}

/**
 * What the hours say beyond their two times: an end before the start runs overnight (into the next
 * day); the same time twice is refused (all day is 00:00 until 23:59), as the server refuses it.
 */
export function hoursShape(w: SendingHours): 'same' | 'overnight' | null {
  if (w.start === w.end) return 'same';
  return clockMinutes(w.end) < clockMinutes(w.start) ? 'overnight' : null;
}
