// Access tokens are short-lived JWTs (jose, HS256). Refresh tokens are opaque random strings whose
// SHA-256 is stored; each use rotates them, and replaying a used one revokes its whole family.
import { createHash, randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { AppError } from '../http/app-error';
import { isRole, type Role } from '../http/access';

export type { Role };
/** familyId: the refresh-token family (one login) the token was issued for, so its sockets can be found. */
export type AccessClaims = { userId: string; tenantId: string; role: Role; familyId?: string };
/** expiresAt: epoch milliseconds; a socket opened with the token lives no longer without a new one. */
export type VerifiedAccess = AccessClaims & { expiresAt: number };

export type TokenService = {
  signAccess(claims: AccessClaims): Promise<string>;
  verifyAccess(token: string): Promise<VerifiedAccess>;
};

const ISSUER = 'zyntra';

export function createTokenService(secret: string, ttlSeconds: number): TokenService {
  const key = new TextEncoder().encode(secret);
  return {
    async signAccess({ userId, tenantId, role, familyId }) {
      return new SignJWT({ tid: tenantId, role, ...(familyId ? { fam: familyId } : {}) })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(userId)
        .setIssuer(ISSUER)
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`)
        .sign(key);
    },
    async verifyAccess(token) {
      try {
        const { payload } = await jwtVerify(token, key, { issuer: ISSUER, algorithms: ['HS256'] });
        if (typeof payload.sub !== 'string' || typeof payload.tid !== 'string' || typeof payload.exp !== 'number' || !isRole(payload.role)) throw new Error('claims');
        const familyId = typeof payload.fam === 'string' ? payload.fam : undefined;
        return { userId: payload.sub, tenantId: payload.tid, role: payload.role, familyId, expiresAt: payload.exp * 1000 };
      } catch (err) {
        const expired = err instanceof joseErrors.JWTExpired;
        throw new AppError('unauthorized', expired ? 'Access token expired' : 'Invalid access token');
      }
    },
  };
}

export const newRefreshToken = () => randomBytes(32).toString('base64url');
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
