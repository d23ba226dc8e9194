// The times a time field offers: every quarter of an hour, 23:59, and `current` when it is a
// well-formed time that is none of those (a value typed before, or from an imported flow). Pure.
const QUARTERS = Array.from({ length: 96 }, (_, i) => `${String(Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}`);
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export function timeOptions(current: string): string[] {
  const all = [...QUARTERS, '23:59'];
  if (HH_MM.test(current) && !all.includes(current)) all.push(current);
  return all.sort();
}
