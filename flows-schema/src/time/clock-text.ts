// A time of day ("18:30", as steps store it) written as the editor's language writes it on a card:
// "18:30" in Portuguese, "6:30 PM" in English (a whole hour is "6 PM"). The panels' time lists use
// the same two ways, so a card and its panel agree.
import type { Locale } from '../localized';

export function clockText(time: string, locale: Locale): string {
  if (locale === 'pt-BR') return time;
  const [h, m] = time.split(':').map(Number) as [number, number];
  const hour = h % 12 === 0 ? 12 : h % 12;
  return `${hour}${m ? `:${String(m).padStart(2, '0')}` : ''} ${h < 12 ? 'AM' : 'PM'}`;
}
