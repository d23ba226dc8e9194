import { describe, expect, it } from 'vitest';
import { sameText } from './same-text';

describe('sameText', () => {
  it('when both texts are equal, then true, also with accents and emoji', () => {
    expect(sameText('verify-me', 'verify-me')).toBe(true);
    expect(sameText('senha-ção-🔑', 'senha-ção-🔑')).toBe(true);
  });

  it('when the texts have the same length in characters but not in bytes, then false without throwing', () => {
    expect('verify-mé'.length).toBe('verify-me'.length);
    expect(() => sameText('verify-mé', 'verify-me')).not.toThrow();
    expect(sameText('verify-mé', 'verify-me')).toBe(false);
  });

  it('when one is empty or a prefix of the other, then false', () => {
    expect(sameText('', 'verify-me')).toBe(false);
    expect(sameText('verify', 'verify-me')).toBe(false);
    expect(sameText('verify-me', '')).toBe(false);
  });
});
