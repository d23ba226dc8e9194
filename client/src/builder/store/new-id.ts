// crypto.randomUUID exists only in secure contexts; getRandomValues works on plain http too
// (a self-hosted install reached by IP), so ids are built from it.
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

export type NewId = (prefix: string) => string;

export const newId: NewId = (prefix) => {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  let out = '';
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return `${prefix}-${out}`;
};
