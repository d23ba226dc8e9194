import type { Locale } from '@zyntra/flows-schema';
import { useTranslation } from 'react-i18next';

/** The registry's locale for the current UI language (its labels and problems come in both). */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage === 'pt-BR' ? 'pt-BR' : 'en';
}
