import { describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { newSecret, signedHeaders } from './signing';

describe('webhook signing', () => {
  it('when the Standard Webhooks test vector is signed, then the signature matches the reference', () => {
    const h = signedHeaders(['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'], 'msg_p5jXN8AQM9LWM0D4loKWxJek', new Date(1614265330_000), '{"test": 2432232314}');
    expect(h).toEqual({
      'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      'webhook-timestamp': '1614265330',
      'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    });
  });

  it('when two secrets sign during a rotation, then a receiver holding either one verifies', () => {
    const [fresh, old, stranger] = [newSecret(), newSecret(), newSecret()];
    expect(fresh).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const body = JSON.stringify({ type: 'contact.created', timestamp: new Date().toISOString(), data: { contactId: 'c1' } });
    const headers = signedHeaders([fresh, old], 'msg_1', new Date(), body);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    for (const secret of [fresh, old]) expect(new Webhook(secret).verify(body, headers)).toMatchObject({ type: 'contact.created' });
    expect(() => new Webhook(stranger).verify(body, headers)).toThrow();
  });
});
