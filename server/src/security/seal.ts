// AES-256-GCM for secrets at rest (channel tokens, app secrets, webhook signing secrets).
// Format: base64(iv[12] | tag[16] | ciphertext). The key comes from ENCRYPTION_KEY.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export type Sealer = { seal(plain: string): string; open(sealed: string): string };

export function createSealer(base64Key: string): Sealer {
  const key = Buffer.from(base64Key, 'base64');
  if (key.length !== 32) throw new Error('encryption key must be 32 bytes');
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    open(sealed) {
      const raw = Buffer.from(sealed, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}
