// What the delivery side of outbound webhooks needs, built once from config and passed in.
import type { Knex } from 'knex';
import type { Config } from '../config/env';
import type { Logger } from '../log/logger';
import type { AllowList, Outbound } from '../net';
import type { Queues } from '../queues/queues';
import type { Sealer } from '../security/seal';

export type WebhookSettings = {
  /** Delays after each failed attempt, in ms. */
  schedule: readonly number[];
  timeoutMs: number;
  /** An endpoint failing this long is disabled. */
  disableAfterMs: number;
  /** After a rotation the previous secret still signs this long. */
  overlapMs: number;
};

export type WebhookDeps = {
  db: Knex;
  sealer: Sealer;
  queues: Pick<Queues, 'webhooks'>;
  log: Logger;
  outbound: Outbound;
  allow: AllowList;
  settings: WebhookSettings;
  /** The clock deliveries and the disabling rule read; injectable for tests. */
  now: () => Date;
  random: () => number;
};

export const webhookSettings = (config: Config): WebhookSettings => ({
  schedule: config.WEBHOOK_RETRY_SCHEDULE,
  timeoutMs: config.WEBHOOK_TIMEOUT_SECONDS * 1000,
  disableAfterMs: config.WEBHOOK_DISABLE_AFTER_HOURS * 3_600_000,
  overlapMs: config.WEBHOOK_SECRET_OVERLAP_HOURS * 3_600_000,
});
