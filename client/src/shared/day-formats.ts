// How each UI language writes and types a calendar day, for DateField: Portuguese "06/12/2026",
// English "Dec 6, 2026". Typed text is read in the language's order (day first in Portuguese, month
// first in English), by the month's name in English, or as an ISO day; anything else is not a day.
// Values are ISO days ("2026-12-06"), what the rest of the client and the API use.
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import 'dayjs/locale/pt-br';

dayjs.extend(customParseFormat);

type DayFormat = { locale: string; shown: string; numeric: string[]; named: string[] };

const PT: DayFormat = { locale: 'pt-br', shown: 'DD/MM/YYYY', numeric: ['DD/MM/YYYY', 'DD/MM/YY'], named: [] };
const EN: DayFormat = { locale: 'en', shown: 'MMM D, YYYY', numeric: ['MM/DD/YYYY', 'MM/DD/YY'], named: ['MMM D, YYYY', 'MMM D YYYY'] };

export const dayFormat = (language: string): DayFormat => (language.toLowerCase().startsWith('pt') ? PT : EN);

const first = (text: string, formats: string[], locale: string) =>
  formats.map((f) => dayjs(text, f, locale, true)).find((d) => d.isValid())?.format('YYYY-MM-DD') ?? null;

/** The ISO day a user typed, or null when the text is not a day in this language's order. */
export function parseTypedDay(language: string, text: string): string | null {
  const { locale, numeric, named } = dayFormat(language);
  const raw = text.trim();
  // "6-2-27" and "6.2.2027" read as "06/02/27": one separator, one-digit numbers padded.
  const digits = raw.replace(/[-.\s]+(?=\d)/g, '/').replace(/\b(\d)\b/g, '0$1');
  return first(raw, ['YYYY-MM-DD', ...named], locale) ?? first(digits, numeric, locale);
}
