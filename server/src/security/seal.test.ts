import { describe, expect, it } from 'vitest';
import { createSealer } from './seal';

const key = Buffer.alloc(32, 1).toString('base64');

describe('sealer', () => {
  it('when a secret is sealed, then it opens to the same text and never shows it in clear', () => {
    const s = createSealer(key);
    const sealed = s.seal('EAAG-secret-token');
    expect(sealed).not.toContain('EAAG');
    expect(s.open(sealed)).toBe('EAAG-secret-token');
    expect(s.seal('x')).not.toBe(s.seal('x'));
  });

  it('when the ciphertext is tampered with or the key differs, then opening throws', () => {
    const sealed = createSealer(key).seal('secret');
    const raw = Buffer.from(sealed, 'base64');
    raw[raw.length - 1] ^= 1;
    expect(() => createSealer(key).open(raw.toString('base64'))).toThrow();
    expect(() => createSealer(Buffer.alloc(32, 2).toString('base64')).open(sealed)).toThrow();
  });
});
