// Compares a presented secret with the stored one in constant time. Both sides are hashed first,
// so texts of different byte lengths (a multibyte character has the same `.length` as an ASCII
// one) compare safely instead of making timingSafeEqual throw, and the length is not revealed.
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

export function sameText(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected)) && presented === expected;
}
