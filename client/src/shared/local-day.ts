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

/** "28/11" in pt-BR, "11/28" in English: an ISO day of the reader's calendar, without its year (a chart's axis). */
export const dayLabel = (day: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

/** The time zone this browser's days are in, as reports counted by day ask for it (`tz`). */
export const readerTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
