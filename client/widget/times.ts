// When a message was sent, under its bubble: "14:05" today, "3 de dez., 14:05" before (in the
// channel's language, the visitor's own clock and time zone).
import type { Appearance } from './api';
import { el } from './dom';

const sameDay = (a: Date, b: Date) => a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();

export function timeLabel(iso: string, language: Appearance['language'], now = new Date()): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  const older = !sameDay(at, now);
  return new Intl.DateTimeFormat(language, {
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    ...(older ? { day: 'numeric', month: 'short', ...(at.getFullYear() !== now.getFullYear() ? { year: 'numeric' } : {}) } : {}),
  }).format(at);
}

/** The small muted line under a message (`direction`: on its side of the log). */
export function timeNode(iso: string, language: Appearance['language'], direction: 'in' | 'out'): HTMLElement | null {
  const label = timeLabel(iso, language);
  if (!label) return null;
  return Object.assign(el('time', `time ${direction}`, label), { dateTime: iso });
}
