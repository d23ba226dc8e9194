// Web-chat visitors are anonymous: a signed token names the channel and the visitor id the
// browser keeps, so a page reload finds the same conversation and nobody can read another's.
import { SignJWT, jwtVerify } from 'jose';
import { AppError } from '../http/app-error';

export type Visitor = { tenantId: string; channelId: string; visitorId: string };
export type VisitorTokens = { sign(v: Visitor): Promise<string>; verify(token: string): Promise<Visitor> };

const AUDIENCE = 'zyntra-webchat';

export function createVisitorTokens(secret: string): VisitorTokens {
  const key = new TextEncoder().encode(secret);
  return {
    sign: ({ tenantId, channelId, visitorId }) =>
      new SignJWT({ tid: tenantId, cid: channelId })
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
        return { tenantId: payload.tid, channelId: payload.cid, visitorId: payload.sub };
      } catch {
        throw new AppError('unauthorized', 'Invalid visitor token');
      }
    },
  };
}
