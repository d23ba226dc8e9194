// Web-chat visitors are anonymous: a signed token names the channel and the visitor. The visitor
// id is no secret (agents see it as the contact's id), so resuming a visitor after a reload needs
// the resume secret handed to that browser when the visitor started. The secret is a MAC of the
// channel and visitor under a key derived from the server secret: it is checked by recomputing it,
// and nothing about it is stored.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import { AppError } from '../http/app-error';

/** `name`: what the site says the visitor is called (its signed-in customer), shown to agents like a WhatsApp profile name. */
export type Visitor = { tenantId: string; channelId: string; visitorId: string; name?: string | null };
export type VisitorTokens = {
  sign(v: Visitor): Promise<string>;
  verify(token: string): Promise<Visitor>;
  resumeSecret(channelId: string, visitorId: string): string;
  /** Constant-time check of a resume secret a browser presents. */
  checkResume(channelId: string, visitorId: string, secret: string): boolean;
};

const AUDIENCE = 'zyntra-webchat';

export function createVisitorTokens(secret: string): VisitorTokens {
  const key = new TextEncoder().encode(secret);
  // A key of its own, so a resume secret can never double as (or reveal) a token signature.
  const resumeKey = createHmac('sha256', secret).update('zyntra-webchat-resume-v1').digest();
  const mac = (channelId: string, visitorId: string) => createHmac('sha256', resumeKey).update(`${channelId}:${visitorId}`).digest();
  return {
    sign: ({ tenantId, channelId, visitorId, name }) =>
      new SignJWT({ tid: tenantId, cid: channelId, ...(name ? { nm: name } : {}) })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(visitorId)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('365d')
        .sign(key),
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, { audience: AUDIENCE, algorithms: ['HS256'] });
        if (typeof payload.sub !== 'string' || typeof payload.tid !== 'string' || typeof payload.cid !== 'string') throw new Error('claims');
        return { tenantId: payload.tid, channelId: payload.cid, visitorId: payload.sub, name: typeof payload.nm === 'string' ? payload.nm : null };
      } catch {
        throw new AppError('unauthorized', 'Invalid visitor token');
      }
    },
    resumeSecret: (channelId, visitorId) => mac(channelId, visitorId).toString('base64url'),
    checkResume(channelId, visitorId, presented) {
      const expected = mac(channelId, visitorId);
      const given = Buffer.from(presented, 'base64url');
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
