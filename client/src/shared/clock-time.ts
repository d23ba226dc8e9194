// A time of day as each language writes it: "9:05 AM" in English (no leading zero), "09:05" in
// Portuguese (two digits, 24 hours).
export function clockTime(locale: string, at: Date | string, extra: Intl.DateTimeFormatOptions = {}): string {
  const hour = locale.toLowerCase().startsWith('en') ? 'numeric' : '2-digit';
  return new Intl.DateTimeFormat(locale, { hour, minute: '2-digit', ...extra }).format(new Date(at));
}
