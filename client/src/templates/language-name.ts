/**
 * A WhatsApp template language code (pt_BR, en_US, es) named in the reader's language, as a
 * select shows it: "Português (Brasil)". The code itself when the browser cannot name it.
 */
export function languageName(code: string, uiLanguage: string): string {
  try {
    const name = new Intl.DisplayNames([uiLanguage], { type: 'language' }).of(code.replace('_', '-'));
    return name && name !== code ? name.charAt(0).toLocaleUpperCase(uiLanguage) + name.slice(1) : code;
  } catch {
    return code;
  }
}
