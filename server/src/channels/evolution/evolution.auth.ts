// Evolution API does not sign its webhooks. Two ways to prove a POST came from the tenant's server,
// both keyed by the channel's webhookToken:
// - a static header we ask tenants to add in the webhook's `headers`: `x-zyntra-token: <token>`;
// - Evolution's `jwt_key` header option, which makes it send `Authorization: Bearer <JWT>`,
//   HS256-signed with that key and valid for 10 minutes.
import type { IncomingHttpHeaders } from 'node:http';
import { jwtVerify } from 'jose';
import { sameText } from '../../security/same-text';

export const TOKEN_HEADER = 'x-zyntra-token';

const single = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);

async function validJwt(token: string, secret: string): Promise<boolean> {
  try {
    // Evolution signs iat and exp = iat + 10 min. Both are required, and the age is capped from iat,
    // so a token without exp (or with one years ahead) cannot be replayed forever once it leaks.
    // A minute of leeway covers clock drift between the two servers.
    await jwtVerify(token, new TextEncoder().encode(secret), {
      algorithms: ['HS256'],
      requiredClaims: ['exp', 'iat'],
      maxTokenAge: '10m',
      clockTolerance: 60,
    });
    return true;
  } catch {
    return false;
  }
}

export async function verifyEvolutionRequest(headers: IncomingHttpHeaders, webhookToken: string | undefined): Promise<boolean> {
  if (!webhookToken) return false;
  const token = single(headers[TOKEN_HEADER]);
  if (token !== undefined && sameText(token.trim(), webhookToken)) return true;
  const bearer = /^Bearer\s+(\S+)$/i.exec(single(headers.authorization) ?? '')?.[1];
  return bearer ? validJwt(bearer, webhookToken) : false;
}
