// Brazilian customers write "2,5" as often as "2.5"; numeric conditions and `expect: 'number'`
// must accept both, and nothing else (no "1e3", no thousands separators), in one shared place.
const NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

export function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (!NUMBER.test(trimmed)) return null;
  return Number(trimmed.replace(',', '.'));
}
