// A calendar day where the user is, as YYYY-MM-DD (what a date input holds). An ISO string's date
// is UTC's: in Brazil after 21:00 it is already tomorrow.
export const localDay = (d: Date = new Date()): string =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** The local day `n` days before today. */
export function localDaysAgo(n: number, today: Date = new Date()): string {
  const d = new Date(today);
  d.setDate(d.getDate() - n);
  return localDay(d);
}
