// Login attempts are counted in Redis per (email, ip), so the limit holds across API processes.
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Redis } from 'ioredis';
import { AppError } from '../http/app-error';

export type LoginLimiter = { hit(key: string): Promise<void>; reset(key: string): Promise<void> };

export function createLoginLimiter(redis: Redis, prefix: string, maxAttempts: number): LoginLimiter {
  const limiter = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `${prefix}:login`,
    points: maxAttempts,
    duration: 15 * 60,
    blockDuration: 15 * 60,
  });
  return {
    async hit(key) {
      try {
        await limiter.consume(key);
      } catch (err) {
        if (err instanceof RateLimiterRes) {
          const retryAfter = Math.ceil(err.msBeforeNext / 1000);
          throw new AppError('rate_limited', 'Too many login attempts; try again later', { retryAfterSeconds: retryAfter });
        }
        throw err;
      }
    },
    async reset(key) {
      await limiter.delete(key);
    },
  };
}
