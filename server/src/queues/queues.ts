// BullMQ queues shared by producers (webhooks, API, workers). Producers use a fail-fast Redis
// connection: when Redis is down an add rejects at once and the caller relies on the sweeper.
import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { redisFairShare, type FairShare } from './fair-share';
import { QUEUES, type AiJob, type CampaignQueueJobName, type CampaignQueueJobs, type ContactsJob, type InboundJob, type InboxJob, type MaintenanceJob, type MediaJob, type SendJob, type StepEffectJob, type TimerJob, type WebhookJob } from './queue-names';

export type Queues = {
  inbound: Queue<InboundJob>;
  send: Queue<SendJob>;
  timers: Queue<TimerJob>;
  ai: Queue<AiJob>;
  effects: Queue<StepEffectJob>;
  maintenance: Queue<MaintenanceJob>;
  media: Queue<MediaJob>;
  inbox: Queue<InboxJob>;
  webhooks: Queue<WebhookJob>;
  contacts: Queue<ContactsJob>;
  campaigns: Queue<CampaignQueueJobs[CampaignQueueJobName], unknown, CampaignQueueJobName>;
  /** Each workspace's share of a queue: the priority its next jobs take (fair-share.ts). */
  share: FairShare;
  close(): Promise<void>;
};

const defaultJobOptions: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: { age: 3600, count: 1000 },
  removeOnFail: { age: 7 * 86400 },
};

export function createQueues(connection: Redis, prefix: string): Queues {
  const make = <T, N extends string = string>(name: string) => new Queue<T, unknown, N>(name, { connection, prefix, defaultJobOptions });
  const queues = {
    inbound: make<InboundJob>(QUEUES.inbound),
    send: make<SendJob>(QUEUES.send),
    timers: make<TimerJob>(QUEUES.timers),
    ai: make<AiJob>(QUEUES.ai),
    effects: make<StepEffectJob>(QUEUES.effects),
    maintenance: make<MaintenanceJob>(QUEUES.maintenance),
    media: make<MediaJob>(QUEUES.media),
    inbox: make<InboxJob>(QUEUES.inbox),
    webhooks: make<WebhookJob>(QUEUES.webhooks),
    contacts: make<ContactsJob>(QUEUES.contacts),
    campaigns: make<CampaignQueueJobs[CampaignQueueJobName], CampaignQueueJobName>(QUEUES.campaigns),
  };
  return {
    ...queues,
    share: redisFairShare(connection, prefix),
    async close() {
      await Promise.all(Object.values(queues).map((q) => q.close()));
    },
  };
}

/** Rejects after `ms` instead of waiting on a Redis that is not there. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what = 'queue add'): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms))),
  ]);
}

/** A worker's lock and stalled-check timing: a job whose worker died is taken over within about 2 × lockMs. */
export const jobLock = (lockMs = 30_000) => ({ lockDuration: lockMs, stalledInterval: lockMs });
