// Builds every shared client once per process: database, Redis, queues, storage, caches.
// Modules receive what they need from here as parameters; nothing imports a global.
import type { Knex } from 'knex';
import type { Redis } from 'ioredis';
import { createTokenService, type TokenService } from '../accounts/tokens';
import { createChannelCache, type ChannelCache } from '../channels/channel-cache';
import { createSendThrottle, type SendThrottle } from '../channels/send-throttle';
import { createAdapters, type Adapters } from '../channels';
import type { Config } from '../config/env';
import { createDb } from '../db/knex';
import { createLogger, type Logger } from '../log/logger';
import { createOutbound, parseAllowList, type AllowList, type Outbound } from '../net';
import { createQueues, withTimeout, type Queues } from '../queues/queues';
import { createRedis } from '../queues/redis';
import { createSealer, type Sealer } from '../security/seal';
import { createStorage, type Storage } from '../storage/s3';
import type { ObjectStore } from '../storage/object-store';
import { createS3ObjectStore } from '../storage/s3-object-store';
import { createVersionCache, type VersionCache } from '../runner/version-cache';
import { createRealtimeEmitter, type RealtimeEmitter } from '../realtime/emitter';
import { createVisitorTokens, type VisitorTokens } from '../webchat/visitor-tokens';
import { createPresenceStore, type PresenceStore } from '../presence/presence.store';
import { webhookSettings, type WebhookDeps } from '../webhooks/webhook-settings';

export type Plumbing = {
  config: Config;
  log: Logger;
  db: Knex;
  redis: Redis;
  queues: Queues;
  tokens: TokenService;
  sealer: Sealer;
  storage: Storage;
  objects: ObjectStore;
  throttle: SendThrottle;
  channels: ChannelCache;
  adapters: Adapters;
  versions: VersionCache;
  emitter: RealtimeEmitter;
  visitors: VisitorTokens;
  /** OUTBOUND_ALLOW_HOSTS: what `outbound` lets through, and what a URL saved for later is checked against. */
  allow: AllowList;
  /** HTTP to URLs a workspace chose; `serverLlm` also trusts the operator's LLM_BASE_URL origin. */
  outbound: { workspace: Outbound; serverLlm: Outbound };
  presence: PresenceStore;
  /** Outbound webhooks: endpoints' routes, the fan-out and the delivery worker. */
  webhooks: WebhookDeps;
  close(): Promise<void>;
};

function createOutbounds(config: Config, allow: AllowList): Plumbing['outbound'] {
  return {
    workspace: createOutbound({ allow }),
    serverLlm: createOutbound({ allow, trustedOrigins: config.LLM_BASE_URL ? [config.LLM_BASE_URL] : [] }),
  };
}

export function createPlumbing(config: Config, logDestination?: NodeJS.WritableStream, now: () => Date = () => new Date()): Plumbing {
  const log = createLogger(config, logDestination);
  const db = createDb(config);
  const redis = createRedis(config, 'request');
  redis.on('error', (err) => log.warn({ err: err.message }, 'redis connection error'));
  const queues = createQueues(redis, config.QUEUE_PREFIX);
  const sealer = createSealer(config.ENCRYPTION_KEY, config.ENCRYPTION_KEYS_PREVIOUS);
  const storage = createStorage(config);
  const emitter = createRealtimeEmitter(redis, config.QUEUE_PREFIX);
  const allow = parseAllowList(config.OUTBOUND_ALLOW_HOSTS);
  const outbound = createOutbounds(config, allow);
  return {
    config,
    log,
    db,
    redis,
    queues,
    tokens: createTokenService(config.JWT_SECRET, config.ACCESS_TOKEN_TTL_SECONDS),
    sealer,
    storage,
    objects: createS3ObjectStore(storage),
    throttle: createSendThrottle(redis, config.QUEUE_PREFIX),
    channels: createChannelCache(db, sealer),
    adapters: createAdapters(config, { emitter, outbound: outbound.workspace }),
    emitter,
    visitors: createVisitorTokens(config.JWT_SECRET),
    versions: createVersionCache({ maxBytes: config.FLOW_VERSION_CACHE_MB * 1024 * 1024 }),
    allow,
    outbound,
    presence: createPresenceStore(redis, config.QUEUE_PREFIX, config.PRESENCE_TTL_SECONDS),
    webhooks: {
      db, sealer, queues, log, outbound: outbound.workspace, allow,
      settings: webhookSettings(config), now, random: Math.random,
    },
    async close() {
      await withTimeout(queues.close(), 5_000).catch(() => {});
      redis.disconnect();
      storage.client.destroy();
      if (storage.signer !== storage.client) storage.signer.destroy();
      // The pool waits for every borrowed connection; a query that never returns must not hold
      // shutdown (the process is about to exit and the server drops the session).
      await withTimeout(db.destroy(), 5_000, 'database pool close').catch((err) => log.warn({ err: (err as Error).message }, 'shutdown step failed'));
    },
  };
}
