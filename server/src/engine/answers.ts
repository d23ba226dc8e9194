// How the engine reads what customers type: numbers the Brazilian way as well as the dotted
// way, e-mails and phone numbers loosely (a typo-free but odd-looking answer must pass).
import { normalizeText, parseNumber } from '@zyntra/flows-schema';
import type { WaitConfig } from '@zyntra/flows-schema';

// parseNumber refuses thousands separators on purpose (ambiguous in general); a reply such as
// "1.234,56" is unambiguous pt-BR, so it is accepted here on top of what parseNumber reads.
const PT_BR_THOUSANDS = /^[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/;
const PHONE_DECORATION = /[\s\-()]/g;
const PHONE_DIGITS = /^\d{8,15}$/;

export function parseLocaleNumber(text: string): number | null {
  const plain = parseNumber(text);
  if (plain !== null) return plain;
  const trimmed = text.trim();
  if (!PT_BR_THOUSANDS.test(trimmed)) return null;
  return Number(trimmed.replace(/\./g, '').replace(',', '.'));
}

export function isEmail(text: string): boolean {
  return EMAIL.test(text.trim());
}

export function isPhone(text: string): boolean {
  return PHONE_DIGITS.test(text.trim().replace(PHONE_DECORATION, '').replace(/^\+/, ''));
}

export function isOption(text: string, options: readonly string[]): boolean {
  const answer = normalizeText(text);
  return answer !== '' && options.some((option) => normalizeText(option) === answer);
}

type Expectation = WaitConfig['expect'];

const checks: Record<Expectation, (text: string, options: readonly string[]) => boolean> = {
  any: () => true,
  text: (text) => text.trim() !== '',
  number: (text) => parseLocaleNumber(text) !== null,
  email: isEmail,
  phone: isPhone,
  option: isOption,
};

export function acceptsAnswer(expect: Expectation, text: string, options: readonly string[]): boolean {
  return checks[expect](text, options);
}
