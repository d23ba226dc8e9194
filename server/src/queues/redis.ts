import { Redis, type RedisOptions } from 'ioredis';
import type { Config } from '../config/env';

/**
 * One Redis connection. BullMQ workers need `maxRetriesPerRequest: null` (blocking commands);
 * request-path clients fail fast instead so a Redis outage never hangs an HTTP answer.
 */
export function createRedis(config: Pick<Config, 'REDIS_URL'>, purpose: 'worker' | 'request'): Redis {
  const options: RedisOptions =
    purpose === 'worker'
      ? { maxRetriesPerRequest: null, enableReadyCheck: false }
      : { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2_000 };
  return new Redis(config.REDIS_URL, { ...options, lazyConnect: false });
}
