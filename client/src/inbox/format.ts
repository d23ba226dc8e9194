// Small display helpers shared by the list, the thread and the side panel.
import { contactRef } from '../shared/contact-ref';
import type { ContactSummary, Member } from './api/inbox-types';

/**
 * Name, else phone, else `unnamed(ref)`: a web-chat visitor has neither, and a list of identical
 * "Unknown contact" rows cannot be told apart, so each gets the first characters of its id.
 */
export function contactLabel(c: Pick<ContactSummary, 'id' | 'name' | 'phone'>, unnamed: (ref: string) => string): string {
  return c.name?.trim() || (c.phone ? formatPhone(c.phone) : unnamed(contactRef(c.id)));
}

/** +55 11 91234-5678 style for Brazilian numbers; other numbers get a leading + only. */
export function formatPhone(raw: string): string {
  const d = raw.replace(/\D/g, '');
  const br = /^55(\d{2})(\d{4,5})(\d{4})$/.exec(d);
  if (br) return `+55 ${br[1]} ${br[2]}-${br[3]}`;
  return d ? `+${d}` : raw;
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
