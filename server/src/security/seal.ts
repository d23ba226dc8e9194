// AES-256-GCM for secrets at rest (channel tokens, app secrets, AI keys, webhook signing secrets).
// Format: `v1:<key id>:<base64(iv[12] | tag[16] | ciphertext)>`. The key id is a fingerprint of the
// key that sealed the value, so ENCRYPTION_KEY can be rotated: the old key moves to
// ENCRYPTION_KEYS_PREVIOUS and still opens what it sealed, while every write seals with the current
// key. Values from before key ids (plain base64) open with whichever configured key authenticates them.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export type Sealer = {
  seal(plain: string): string;
  open(sealed: string): string;
  /** True when the value is sealed with the current key in the current format. */
  isCurrent(sealed: string): boolean;
  /** The same secret sealed with the current key (the value itself when it already is). */
  reseal(sealed: string): string;
};

export class SealError extends Error {}

type Key = { id: string; bytes: Buffer };

const VERSION = 'v1';

function toKey(base64Key: string): Key {
  const bytes = Buffer.from(base64Key, 'base64');
  if (bytes.length !== 32) throw new SealError('encryption key must be 32 bytes');
  return { id: createHash('sha256').update('zyntra-seal-key-id:').update(bytes).digest('hex').slice(0, 12), bytes };
}

function encrypt(key: Key, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.bytes, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

/** Throws when the key did not seal this value (GCM authenticates it). */
function decrypt(key: Key, payload: string): string {
  const raw = Buffer.from(payload, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key.bytes, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

function parse(sealed: string): { keyId: string | null; payload: string } {
  const parts = sealed.split(':');
  if (parts.length === 1) return { keyId: null, payload: sealed };
  if (parts.length !== 3 || parts[0] !== VERSION) throw new SealError('unknown sealed value format');
  return { keyId: parts[1]!, payload: parts[2]! };
}

function openLegacy(keys: Key[], payload: string): string {
  for (const key of keys) {
    try {
      return decrypt(key, payload);
    } catch {
      // not this key: try the next one
    }
  }
  throw new SealError('no configured encryption key opens this value');
}

export function createSealer(currentKey: string, previousKeys: readonly string[] = []): Sealer {
  const current = toKey(currentKey);
  const keys = [current, ...previousKeys.map(toKey)];
  const open = (sealed: string) => {
    const { keyId, payload } = parse(sealed);
    if (keyId === null) return openLegacy(keys, payload);
    const key = keys.find((k) => k.id === keyId);
    if (!key) throw new SealError(`sealed with key ${keyId}, which is neither ENCRYPTION_KEY nor in ENCRYPTION_KEYS_PREVIOUS`);
    return decrypt(key, payload);
  };
  const seal = (plain: string) => `${VERSION}:${current.id}:${encrypt(current, plain)}`;
  const isCurrent = (sealed: string) => sealed.startsWith(`${VERSION}:${current.id}:`);
  return { seal, open, isCurrent, reseal: (sealed) => (isCurrent(sealed) ? sealed : seal(open(sealed))) };
}
