// Small display helpers shared by the list, the thread and the side panel.
import { contactRef } from '../shared/contact-ref';
import { formatPhone } from '../shared/format-phone';
import type { ContactSummary, Member } from './api/inbox-types';

/**
 * Name, else phone, else `unnamed(ref)`: a web-chat visitor has neither, and a list of identical
 * "Unknown contact" rows cannot be told apart, so each gets the first characters of its id.
 */
export function contactLabel(c: Pick<ContactSummary, 'id' | 'name' | 'phone'>, unnamed: (ref: string) => string): string {
  return c.name?.trim() || (c.phone ? formatPhone(c.phone) : unnamed(contactRef(c.id)));
}

export const memberName = (members: Member[], id: string | null | undefined): string | null =>
  (id && members.find((m) => m.userId === id)?.name) || null;

/** "1 min 05 s" style durations for the reports page. */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}
