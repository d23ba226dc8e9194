// The words a search found, as a one-line row shows them: a long message is cut to start a little
// before the term (accents and case aside, as the server searched), so the term is not lost past the ellipsis.

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** A term this far in may fall past the ellipsis of a row: the message is cut, keeping about LEAD characters before it. */
const CUT_FROM = 40;
const LEAD = 20;

export function matchExcerpt(text: string, q: string): string {
  const flat = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  const term = fold(q.trim());
  // Folding keeps one character per letter here (it drops the marks NFD split off, per letter).
  const at = term ? fold(flat).indexOf(term) : -1;
  if (at <= CUT_FROM) return flat;
  const start = flat.lastIndexOf(' ', at - LEAD) + 1 || at - LEAD;
  return `…${flat.slice(start)}`;
}
