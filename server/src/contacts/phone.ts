// Phone numbers as one canonical E.164 string. Numbers written without a country code take the
// workspace's default country. Brazilian mobiles gained a ninth digit in 2012-2016, yet WhatsApp ids
// often still lack it: the canonical form always has it, so both spellings are one contact.
import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

/** Longer than any way of writing a phone number: refused before it is parsed. */
export const MAX_PHONE_INPUT = 40;

/** `+5511988887777` for a valid number, else null. `international`: digits are already country-first (a WhatsApp id). */
export function normalizePhone(raw: string, defaultCountry: string, opts: { international?: boolean } = {}): string | null {
  const text = raw.trim();
  if (!text || text.length > MAX_PHONE_INPUT || !/^[+\d\s().\-/]+$/.test(text)) return null;
  const digits = text.replace(/\D/g, '');
  const candidates = opts.international || text.startsWith('+') ? [`+${digits}`]
    : text.startsWith('00') ? [`+${digits.slice(2)}`] : [text, `+${digits}`];
  for (const candidate of candidates) {
    const found = canonical(candidate, defaultCountry);
    if (found) return found;
  }
  return null;
}

function canonical(input: string, defaultCountry: string): string | null {
  const parsed = parsePhoneNumberFromString(input, defaultCountry as CountryCode);
  if (!parsed) return null;
  if (parsed.country === 'BR' || parsed.countryCallingCode === '55') {
    const withNinth = brazilianNinthDigit(parsed.nationalNumber);
    if (withNinth !== parsed.nationalNumber) {
      const again = parsePhoneNumberFromString(`+55${withNinth}`);
      if (again?.isValid()) return again.number;
    }
  }
  return parsed.isValid() ? parsed.number : null;
}

/** A 10-digit national number whose subscriber part starts with 6–9 is a mobile written without its ninth digit. */
export function brazilianNinthDigit(national: string): string {
  return /^[1-9][1-9][6-9]\d{7}$/.test(national) ? `${national.slice(0, 2)}9${national.slice(2)}` : national;
}

/** The digits WhatsApp addresses a canonical number by. */
export const waIdOf = (e164: string) => e164.replace(/^\+/, '');

export const isCountryCode = (value: string) => /^[A-Z]{2}$/.test(value) && isSupportedCountry(value);
