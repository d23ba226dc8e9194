// The words a search found, as a one-line row shows them: a long message is cut to start a little
// before the term (accents and case aside, as the server searched), so the term is not lost past the
// ellipsis; and the words to mark as the message spells them ("tenis" typed marks "tênis").

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** A term this far in may fall past the ellipsis of a row (a phone shows about 38 characters): the message is cut, keeping about LEAD characters before it. */
const CUT_FROM = 24;
const LEAD = 16;

export type Excerpt = { text: string; mark: string };

export function matchExcerpt(text: string, q: string): Excerpt {
  const flat = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  const typed = q.trim();
  const term = fold(typed);
  const folded = fold(flat);
  const at = term ? folded.indexOf(term) : -1;
  // Folding keeps one character per letter of an NFC text (it drops the marks NFD split off, per
  // letter), so the found span is the same in the message; a text where it is not marks what was typed.
  const mark = at >= 0 && folded.length === flat.length ? flat.slice(at, at + term.length) : typed;
  if (at <= CUT_FROM) return { text: flat, mark };
  const start = flat.lastIndexOf(' ', at - LEAD) + 1 || at - LEAD;
  return { text: `…${flat.slice(start)}`, mark };
}
