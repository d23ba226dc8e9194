import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import ptBR from './pt-BR.json';
import { zeroTakesPlural } from './zero-plural';

export const SUPPORTED_LANGUAGES = ['en', 'pt-BR'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];
export const LANGUAGE_STORAGE_KEY = 'zyntra.lang';

// Typing the resources makes every t('…') key a compile-time check against en.json,
// so a typo or a key missing from the English file fails `tsc` instead of showing a raw key.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

/** Switches the UI language and remembers it as the user's explicit choice. */
export async function setLanguage(lng: Language): Promise<void> {
  // Only an explicit pick is stored: until then the browser language keeps deciding,
  // so a user who changes their OS language is not stuck on the first detected one.
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, lng);
  } catch {
    // Private mode / blocked storage: the switch still works for this session.
  }
  await i18n.changeLanguage(lng);
}

function syncHtmlLang(lng: string): void {
  // Screen readers and the browser's spell checker read <html lang>.
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
}

i18n.on('languageChanged', syncHtmlLang);

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources: { en: { translation: en }, 'pt-BR': { translation: zeroTakesPlural(ptBR) } },
    supportedLngs: [...SUPPORTED_LANGUAGES],
    fallbackLng: 'en',
    // Resources are bundled, so initialising synchronously avoids a first paint with raw keys.
    initAsync: false,
    returnEmptyString: false,
    interpolation: { escapeValue: false }, // React already escapes.
    detection: {
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: LANGUAGE_STORAGE_KEY,
      caches: [],
    },
  });

export default i18n;
