// The language of the person behind a request: the app sends its UI language as Accept-Language.
// Portuguese for pt-*, English otherwise (the two languages the UI speaks).
export type UiLocale = 'pt-BR' | 'en';

export const uiLocale = (acceptLanguage: string | undefined): UiLocale => (/^\s*pt\b/i.test(acceptLanguage ?? '') ? 'pt-BR' : 'en');
