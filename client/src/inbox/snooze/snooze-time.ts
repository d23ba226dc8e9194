// When a snoozed chat comes back, in the browser's own time: the menu's presets and the words that
// say until when ("amanhã, 09:00"). Pure: `now` comes in.

export type SnoozePreset = 'hour' | 'tomorrow' | 'monday';
export const SNOOZE_PRESETS: readonly SnoozePreset[] = ['hour', 'tomorrow', 'monday'];

/** `days` after `now`'s day, at 09:00 local time (setDate keeps the wall clock across a DST change). */
function dayAt9(now: Date, days: number): Date {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days, 9, 0, 0, 0);
  return d;
}

/**
 * "For 1 hour"; "Until tomorrow, 9:00 AM"; "Until Monday, 9:00 AM": the next Monday after today (on a
 * Sunday that is tomorrow, on a Monday the one a week later: today's 09:00 has passed or is hours away).
 */
export function presetTime(preset: SnoozePreset, now: Date): Date {
  if (preset === 'hour') return new Date(now.getTime() + 3_600_000);
  if (preset === 'tomorrow') return dayAt9(now, 1);
  const toMonday = (8 - now.getDay()) % 7 || 7;
  return dayAt9(now, toMonday);
}

/** A time of day in `locale`'s way: "09:00" on a 24-hour clock, "9:00 AM" on a 12-hour one. */
export function clockTime(at: Date, locale: string): string {
  const twelveHour = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hour12 === true;
  return at.toLocaleTimeString(locale, { hour: twelveHour ? 'numeric' : '2-digit', minute: '2-digit' });
}

/** The presets' 09:00 as the menu and the shortcuts write it: the same words the banner then shows. */
export const presetClock = (locale: string): string => clockTime(new Date(2000, 0, 1, 9, 0), locale);

const sameDay = (a: Date, b: Date) => a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();

export type SnoozeWhen = { day: 'today' | 'tomorrow' | 'weekday' | 'date'; weekday: number; date: string; time: string };

/**
 * Until when, in parts the sentence is made of: today / tomorrow / a weekday within the week / a
 * date, and the time, both in `locale`'s way ("09:00", "9:00 AM").
 */
export function snoozeWhen(until: Date, now: Date, locale: string): SnoozeWhen {
  const time = clockTime(until, locale);
  const date = until.toLocaleDateString(locale, { day: '2-digit', month: '2-digit' });
  const tomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  const inAWeek = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 7);
  const day = sameDay(until, now) ? 'today' : sameDay(until, tomorrow) ? 'tomorrow' : until < inAWeek ? 'weekday' : 'date';
  return { day, weekday: until.getDay(), date, time };
}

/** The loaded chats' earliest snooze end still ahead, or null: when the lists must be read again. */
export function nextWake(items: Array<{ snoozedUntil?: string | null }>, now: number): number | null {
  let first: number | null = null;
  for (const c of items) {
    const at = c.snoozedUntil ? Date.parse(c.snoozedUntil) : NaN;
    if (!Number.isNaN(at) && (first === null || at < first)) first = at;
  }
  return first === null ? null : Math.max(first, now);
}
