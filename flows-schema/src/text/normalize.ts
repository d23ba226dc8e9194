// Customers type "Olá", "OLA" or "ola " for the same keyword, and Brazilian keyboards often drop
// accents, so keywords and replies are compared in a canonical form: compatibility-decomposed,
// combining marks (accents, cedilla) removed, lowercased, whitespace trimmed and collapsed.
const COMBINING_MARKS = /\p{M}+/gu;

export function normalizeText(text: string): string {
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase().replace(/\s+/g, ' ').trim();
}
