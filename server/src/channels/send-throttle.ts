// Per sending number throughput: Meta allows 80 messages/s per number by default (more on higher
// tiers), and gateways like Evolution get numbers banned when they blast. A token bucket in Redis
// is shared by every worker process. If Redis cannot answer we send anyway: the provider's own 429
// handling is the backstop, and a throttle must not stop the business from answering.
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Redis } from 'ioredis';
import { SendError } from './channel-adapter';
import type { ChannelRecord, ChannelType } from './channel-types';

const DEFAULT_PER_SECOND: Record<ChannelType, number | null> = { whatsapp_cloud: 80, evolution: 20, webchat: null };
const WAIT_IN_PLACE_MS = 1_000;

export type SendThrottle = { acquire(channel: ChannelRecord): Promise<void> };

export function perSecondFor(channel: ChannelRecord): number | null {
  const configured = Number(channel.config.messagesPerSecond);
  return Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_PER_SECOND[channel.type];
}

export function createSendThrottle(redis: Redis, prefix: string): SendThrottle {
  const limiters = new Map<number, RateLimiterRedis>();
  const limiterFor = (points: number) => {
    let limiter = limiters.get(points);
    if (!limiter) limiters.set(points, (limiter = new RateLimiterRedis({ storeClient: redis, keyPrefix: `${prefix}:send:${points}`, points, duration: 1 })));
    return limiter;
  };
  return {
    async acquire(channel) {
      const perSecond = perSecondFor(channel);
      if (!perSecond) return;
      for (;;) {
        try {
          await limiterFor(perSecond).consume(channel.id);
          return;
        } catch (err) {
          if (!(err instanceof RateLimiterRes)) return; // Redis unavailable: fail open
          if (err.msBeforeNext > WAIT_IN_PLACE_MS) {
            throw new SendError('rate_limited', 'throughput', `Over ${perSecond} messages/s for this number`, err.msBeforeNext);
          }
          await new Promise((r) => setTimeout(r, err.msBeforeNext + 5));
        }
      }
    },
  };
}
