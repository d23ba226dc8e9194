import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { services } from '../../test/harness';
import type { ChannelRecord } from './channel-types';
import { createSendThrottle, perSecondFor } from './send-throttle';

let redis: Redis;
beforeAll(() => {
  redis = new Redis(services().redisUrl);
});
afterAll(() => redis?.disconnect());

const channel = (type: ChannelRecord['type'], config: Record<string, string> = {}): ChannelRecord => ({
  id: randomUUID(), tenantId: randomUUID(), type, name: 'x', config, secrets: {},
});

describe('send throttle', () => {
  it('when a number sends faster than its limit, then the extra sends wait for the next second', async () => {
    const throttle = createSendThrottle(redis, `t${randomUUID().slice(0, 8)}`);
    const c = channel('whatsapp_cloud', { messagesPerSecond: '5' });
    const started = Date.now();
    for (let i = 0; i < 12; i++) await throttle.acquire(c);
    // 12 sends at 5/s need at least two refills of the bucket.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_500);
  });

  it('when limits are read, then WhatsApp defaults to 80/s, Evolution to 20/s and web chat is unlimited', () => {
    expect(perSecondFor(channel('whatsapp_cloud'))).toBe(80);
    expect(perSecondFor(channel('evolution'))).toBe(20);
    expect(perSecondFor(channel('webchat'))).toBeNull();
    expect(perSecondFor(channel('whatsapp_cloud', { messagesPerSecond: '250' }))).toBe(250);
  });

  it('when Redis is unreachable, then sending is not blocked', async () => {
    const dead = new Redis('redis://127.0.0.1:1', { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
    dead.on('error', () => {});
    await expect(createSendThrottle(dead, 'x').acquire(channel('whatsapp_cloud'))).resolves.toBeUndefined();
    dead.disconnect();
  });
});
