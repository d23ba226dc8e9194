// The `/shortcut` picker: which canned responses match what the agent typed after the slash.
import type { CannedResponse } from '../api/inbox-types';

/** The query when the composer's text is a slash command being typed ("/pre" → "pre"), else null. */
export function slashQuery(text: string): string | null {
  const m = /^\/([\p{L}\p{N}_-]*)$/u.exec(text);
  return m ? m[1]!.toLowerCase() : null;
}

/** Shortcut prefix matches first, then shortcut or text containing the query. */
export function matchCanned(items: CannedResponse[], query: string, limit = 8): CannedResponse[] {
  const q = query.toLowerCase();
  const starts = items.filter((c) => c.shortcut.toLowerCase().startsWith(q));
  const contains = items.filter((c) => !starts.includes(c) && (c.shortcut.toLowerCase().includes(q) || c.text.toLowerCase().includes(q)));
  return [...starts, ...contains].slice(0, limit);
}
