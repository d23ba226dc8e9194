// Every user-facing string ships in both languages the editor supports, so the server and the
// browser render the same wording without a translation table of their own.
export const LOCALES = ['en', 'pt-BR'] as const;
export type Locale = (typeof LOCALES)[number];
export type Localized = { readonly [L in Locale]: string };

export function localized(en: string, ptBR: string): Localized {
  return { en, 'pt-BR': ptBR };
}

export function truncate(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/** Counts characters the way WhatsApp does: an emoji is one character, not two UTF-16 units. */
export function charLength(text: string): number {
  return Array.from(text).length;
}
