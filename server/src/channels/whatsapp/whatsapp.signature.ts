import { createHmac, timingSafeEqual } from 'node:crypto';

/** Meta signs the exact raw bytes with the app secret: `X-Hub-Signature-256: sha256=<hex>`. */
export function signWhatsApp(raw: Buffer | string, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(raw).digest('hex')}`;
}

export function verifyWhatsAppSignature(raw: Buffer, header: string | undefined, appSecret: string): boolean {
  if (!header || !header.startsWith('sha256=')) return false;
  const expected = Buffer.from(signWhatsApp(raw, appSecret));
  const given = Buffer.from(header.trim().toLowerCase());
  return given.length === expected.length && timingSafeEqual(given, expected);
}
