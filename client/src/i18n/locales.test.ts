import { describe, expect, it } from 'vitest';
import en from './en.json';
import ptBR from './pt-BR.json';

// Flattens nested translation objects into dotted keys so both files can be compared key by key.
function flatten(obj: Record<string, unknown>, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(obj)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of flatten(value as Record<string, unknown>, path)) out.set(k, v);
    } else {
      out.set(path, value);
    }
  }
  return out;
}

const placeholders = (text: string): string[] =>
  [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1] ?? '').sort();

const locales = { en: flatten(en), 'pt-BR': flatten(ptBR) };

describe('locales', () => {
  it('have exactly the same key set', () => {
    expect([...locales['pt-BR'].keys()].sort()).toEqual([...locales.en.keys()].sort());
  });

  it.each(Object.entries(locales))('%s has only non-empty string values', (_lng, entries) => {
    for (const [key, value] of entries) {
      expect(typeof value, key).toBe('string');
      expect((value as string).trim(), key).not.toBe('');
    }
  });

  // UTF-8 bytes read as Latin-1 ("Ã§" for "ç", "â¦" for "…") never reach a user.
  it.each(Object.entries(locales))('%s has no text decoded with the wrong charset', (_lng, entries) => {
    for (const [key, value] of entries) expect(String(value), key).not.toMatch(/Ã[\u0080-\u00bf]|â\u0080/);
  });

  it('use the same interpolation variables in both languages', () => {
    for (const [key, value] of locales.en) {
      expect(placeholders(String(locales['pt-BR'].get(key))), key).toEqual(placeholders(String(value)));
    }
  });
});
