// What every inbound event handler gets: the open transaction, the tenant, the clock of this
// drain, and the list of effects to run after commit.
import type { Knex } from 'knex';
import type { TenantDb } from '../db/tenant-db';
import type { Logger } from '../log/logger';
import type { Queues } from '../queues/queues';
import type { OutboxDeps } from '../outbox/outbox';
import type { PostCommit } from './post-commit';
import type { VersionCache } from './version-cache';

export type RunnerDeps = {
  db: Knex;
  log: Logger;
  queues: Queues;
  versions: VersionCache;
  outbox: OutboxDeps;
  maxSteps: number;
  /** Customer messages a session queues while the bot is busy (delay, LLM call); more are dropped. */
  maxDeferred: number;
};

export type InboundEventRow = {
  id: number;
  kind: string;
  channel_id: string;
  conversation_key: string;
  payload: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- stored JSON, parsed per kind
  received_at: Date;
};

export type DrainContext = {
  deps: RunnerDeps;
  tx: TenantDb;
  now: Date;
  post: PostCommit;
  conversationKey: string;
};

export type EventOutcome = 'done' | 'retry';
export type EventHandler = (ctx: DrainContext, event: InboundEventRow) => Promise<EventOutcome>;
