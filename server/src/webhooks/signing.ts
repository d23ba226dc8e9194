// Standard Webhooks signing with the reference library: secrets are `whsec_` + base64(32 random
// bytes); each attempt is signed afresh (new timestamp, same webhook-id); during a rotation's
// overlap both the new and the previous secret sign, and a receiver accepts either.
import { randomBytes, randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

export const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;
export const newMessageId = () => `msg_${randomUUID().replace(/-/g, '')}`;

export type SignedHeaders = { 'webhook-id': string; 'webhook-timestamp': string; 'webhook-signature': string };

/** Headers for one attempt; `secrets` newest first, every one of them signs. */
export function signedHeaders(secrets: readonly string[], messageId: string, at: Date, body: string): SignedHeaders {
  const signatures = secrets.map((s) => new Webhook(s).sign(messageId, at, body));
  return { 'webhook-id': messageId, 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': signatures.join(' ') };
}
