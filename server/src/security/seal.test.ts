import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSealer } from './seal';

const key = Buffer.alloc(32, 1).toString('base64');
const oldKey = Buffer.alloc(32, 2).toString('base64');
const otherKey = Buffer.alloc(32, 3).toString('base64');

/** A value sealed the way secrets were stored before key ids: base64(iv | tag | ciphertext). */
function legacySeal(base64Key: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(base64Key, 'base64'), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

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
    const [version, id, payload] = sealed.split(':');
    const raw = Buffer.from(payload!, 'base64');
    raw[raw.length - 1] ^= 1;
    expect(() => createSealer(key).open(`${version}:${id}:${raw.toString('base64')}`)).toThrow();
    expect(() => createSealer(otherKey).open(sealed)).toThrow(/neither ENCRYPTION_KEY nor in ENCRYPTION_KEYS_PREVIOUS/);
    expect(() => createSealer(key).open('v9:abc:xyz')).toThrow(/format/);
  });

  it('when a value is sealed, then it names the key that sealed it, and a different key gets a different id', () => {
    const a = createSealer(key).seal('s');
    const b = createSealer(oldKey).seal('s');
    expect(a).toMatch(/^v1:[0-9a-f]{12}:[A-Za-z0-9+/=]+$/);
    expect(a.split(':')[1]).not.toBe(b.split(':')[1]);
    expect(a).not.toContain(key);
  });

  it('when the key is rotated, then values of the previous key still open, and re-sealing moves them to the current key', () => {
    const before = createSealer(oldKey).seal('whatsapp-token');
    const rotated = createSealer(key, [oldKey]);
    expect(rotated.open(before)).toBe('whatsapp-token');
    expect(rotated.isCurrent(before)).toBe(false);
    const after = rotated.reseal(before);
    expect(rotated.isCurrent(after)).toBe(true);
    expect(rotated.reseal(after)).toBe(after);
    // Once re-sealed, the old key is no longer needed, and it no longer opens the value.
    expect(createSealer(key).open(after)).toBe('whatsapp-token');
    expect(() => createSealer(oldKey).open(after)).toThrow();
  });

  it('when a value was stored before key ids, then the current or a previous key opens it and it counts as not current', () => {
    expect(createSealer(key).open(legacySeal(key, 'ai-key'))).toBe('ai-key');
    const legacyOld = legacySeal(oldKey, 'app-secret');
    const rotated = createSealer(key, [otherKey, oldKey]);
    expect(rotated.open(legacyOld)).toBe('app-secret');
    expect(rotated.isCurrent(legacyOld)).toBe(false);
    expect(rotated.open(rotated.reseal(legacyOld))).toBe('app-secret');
    expect(() => createSealer(key).open(legacyOld)).toThrow(/no configured encryption key/);
  });
});
