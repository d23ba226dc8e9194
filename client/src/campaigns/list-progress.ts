// A campaign's progress as the list shows it: how many got the message, apart from those it never
// reached (skipped: opted out, an empty value, cancelled before their turn; failed: WhatsApp refused).
// Counting every recipient no longer pending as "done" made a cancelled campaign a full bar.
import type { Campaign } from './campaigns-api';

export type ListProgress = { total: number; reached: number; failed: number; skipped: number; pending: number };

export function listProgress(counts: Campaign['counts']): ListProgress {
  const reached = counts.sent + counts.delivered + counts.read + counts.replied;
  return { total: counts.total, reached, failed: counts.failed, skipped: counts.skipped, pending: counts.pending };
}

/** Share of the total, in percent (0 with nobody). */
export const share = (n: number, total: number): number => (total > 0 ? (100 * n) / total : 0);
