import { describe, expect, it } from 'vitest';
import { webhookJwt } from '../../../test/fakes/evolution-payloads';
import { verifyEvolutionRequest } from './evolution.auth';

const TOKEN = 'whk-token-1234567890';

describe('verifyEvolutionRequest', () => {
  it('when the x-zyntra-token header matches, then the request is accepted', async () => {
    expect(await verifyEvolutionRequest({ 'x-zyntra-token': TOKEN }, TOKEN)).toBe(true);
  });

  it('when the header is wrong, missing, or the channel has no token, then it is refused', async () => {
    expect(await verifyEvolutionRequest({ 'x-zyntra-token': 'whk-token-1234567891' }, TOKEN)).toBe(false);
    expect(await verifyEvolutionRequest({ 'x-zyntra-token': 'short' }, TOKEN)).toBe(false);
    expect(await verifyEvolutionRequest({}, TOKEN)).toBe(false);
    expect(await verifyEvolutionRequest({ 'x-zyntra-token': '' }, undefined)).toBe(false);
  });

  it('when Evolution sends a JWT signed with the token (jwt_key), then the request is accepted', async () => {
    expect(await verifyEvolutionRequest({ authorization: `Bearer ${await webhookJwt(TOKEN)}` }, TOKEN)).toBe(true);
  });

  it('when the JWT is signed with another key, expired, or not a JWT, then it is refused', async () => {
    expect(await verifyEvolutionRequest({ authorization: `Bearer ${await webhookJwt('another-key-123456')}` }, TOKEN)).toBe(false);
    expect(await verifyEvolutionRequest({ authorization: `Bearer ${await webhookJwt(TOKEN, { iatOffsetSec: -900 })}` }, TOKEN)).toBe(false);
    expect(await verifyEvolutionRequest({ authorization: `Bearer ${TOKEN}` }, TOKEN)).toBe(false);
  });

  it('when the JWT has no exp, then it is refused: it would stay valid forever once leaked', async () => {
    expect(await verifyEvolutionRequest({ authorization: `Bearer ${await webhookJwt(TOKEN, { lifetimeSec: null })}` }, TOKEN)).toBe(false);
  });

  it('when the JWT was issued long ago with a far exp, then it is refused', async () => {
    const longLived = await webhookJwt(TOKEN, { iatOffsetSec: -3600, lifetimeSec: 10 * 365 * 86_400 });
    expect(await verifyEvolutionRequest({ authorization: `Bearer ${longLived}` }, TOKEN)).toBe(false);
  });

  it('when the JWT claims alg none, then it is refused', async () => {
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ iat: now, exp: now + 600, app: 'evolution', action: 'webhook' })}.`;
    expect(await verifyEvolutionRequest({ authorization: `Bearer ${unsigned}` }, TOKEN)).toBe(false);
  });
});
