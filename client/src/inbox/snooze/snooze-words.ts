// Until when a chat is snoozed, in the reader's words: "amanhã, 09:00", "quinta, 09:00", "tomorrow, 9:00 AM".
import type { TFunction } from 'i18next';
import { snoozeWhen } from './snooze-time';

/** The weekday's name as people say it: "segunda" rather than "segunda-feira". */
function weekdayName(until: Date, lang: string): string {
  return until.toLocaleDateString(lang, { weekday: 'long' }).replace(/-feira$/, '');
}

export function snoozeLabel(t: TFunction, until: string | Date, lang: string, now = new Date()): string {
  const at = new Date(until);
  const w = snoozeWhen(at, now, lang);
  return t(`inbox.snooze.when.${w.day}`, { time: w.time, date: w.date, weekday: weekdayName(at, lang) });
}
