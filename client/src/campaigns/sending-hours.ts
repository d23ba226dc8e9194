// When a campaign started now would send its first message: at once inside its sending hours, else
// when they next open (today or tomorrow), on the clock of the campaign's time zone. The same rule as
// the server's sender (server/src/campaigns/send-window.ts): equal start and end mean all day; an end
// before the start runs overnight.
import { clockMinutes, localClock } from '@zyntra/flows-schema';

export type SendingHours = { start: string; end: string };

/** Null when sending can begin now; else the time it begins and whether that is tomorrow. */
export function sendingBegins(at: Date, w: SendingHours, timeZone: string): { time: string; tomorrow: boolean } | null {
  const s = clockMinutes(w.start);
  const e = clockMinutes(w.end);
  if (s === e) return null;
  const { minutes } = localClock(at, timeZone);
  const inside = s < e ? minutes >= s && minutes < e : minutes >= s || minutes < e;
  return inside ? null : { time: w.start, tomorrow: minutes > s };
}
