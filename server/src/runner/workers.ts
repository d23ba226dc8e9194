// The queue workers of the `worker` role. Each processor is a thin shell over a tested function.
import { Worker, type Processor } from 'bullmq';
import type { Redis } from 'ioredis';
import { processAiJob, type AiDeps } from '../ai/ai.worker';
import { enqueueDrains } from '../channels/ingest';
import { processMediaJob } from '../media/media.worker';
import { processInboxJob } from '../inbox/inbox.worker';
import { processWebhookJob } from '../webhooks/delivery.worker';
import { requeueOverdue } from '../webhooks/fan-out';
import type { WebhookDeps } from '../webhooks/webhook-settings';
import type { InboxWorkDeps } from '../inbox/inbox-sweep';
import { processContactsJob } from '../contacts/contacts.worker';
import { jobLock } from '../queues/queues';
import { QUEUES, type AiJob, type ContactsJob, type InboundJob, type InboxJob, type MediaJob, type SendJob, type StepEffectJob, type TimerJob, type WebhookJob } from '../queues/queue-names';
import { drainConversation } from './drain-inbound';
import { performStepEffect } from './effects';
import { insertInternalEvent } from '../messages/internal-events';
import { processSendJob, SEND_LIMITS } from '../outbox/send-worker';
import { createLocalSends } from '../outbox/local-sends';
import { createWorkspaceSlots, type SlotLimits } from '../queues/workspace-slots';
import { handBack, inWorkspaceSlot } from '../queues/in-workspace-slot';
import { jobDuration } from '../metrics/metrics';
import { withTrace } from '../log/trace';
import { runPostCommit } from './run-post-commit';
import type { RunnerDeps } from './runner-context';
import { housekeeping, startSweeperTimer } from './sweeper';

/**
 * Send jobs in flight per worker process; a workspace or channel gets at most SEND_LIMITS of them
 * sending and maxWaiting waiting for a slot, so a hanging provider holds 20 of the 32.
 */
const SEND_CONCURRENCY = 32;
/**
 * AI calls, step effects (HTTP requests) and webhook deliveries per worker process, each queue its
 * own. They wait on endpoints a workspace chooses (its LLM base URL, its own server, its webhook
 * URLs) for up to their timeout (120 s, 30 s, WEBHOOK_TIMEOUT_SECONDS), so a workspace gets at most
 * CALL_LIMITS of them: one whose endpoint hangs holds 12 of the 32, not all.
 */
const CALL_CONCURRENCY = 32;
const CALL_LIMITS: SlotLimits = { perWorkspace: 8, perChannel: 8, maxWaiting: 4 };

/**
 * Media downloads per worker process. Each holds up to 16 MiB in memory, so few run at once, and a
 * workspace gets at most two of them: one whose customers send a flood of files, or whose downloads
 * crawl, leaves a slot for everyone else. Its extra jobs go straight back to the queue.
 */
const MEDIA_CONCURRENCY = 3;
const MEDIA_LIMITS: SlotLimits = { perWorkspace: 2, perChannel: 2, maxWaiting: 0 };

export type WorkersDeps = RunnerDeps & {
  ai: AiDeps; inbox: InboxWorkDeps; webhooks: WebhookDeps; connection: Redis; prefix: string; retentionDays: number; concurrency?: number; sweepIntervalMs?: number; lockMs?: number;
  /** How long a contacts import job runs before it takes its turn again (tests shorten it). */
  importSliceMs?: number;
};

export function startWorkers(deps: WorkersDeps): { close(): Promise<void> } {
  const { connection, prefix, log, queues } = deps;
  const lock = jobLock(deps.lockMs);
  const opts = (concurrency: number) => ({ connection, prefix, concurrency, ...lock });
  const inbound: Processor<InboundJob> = async (job) => {
    // From here on an event stored for this conversation queues a new drain (see drainJobOptions).
    if (job.opts.deduplication && job.attemptsMade === 0) await job.removeDeduplicationKey();
    try {
      const post = await drainConversation(deps, job.data);
      await runPostCommit({ queues, outbox: deps.outbox, log, localSends }, post, job.data);
    } catch (err) {
      // Transient (or not tied to one event): BullMQ retries the job; no event is charged for it.
      log.warn({ err: (err as Error).message, code: (err as { code?: string }).code, conversationKey: job.data.conversationKey, attempt: job.attemptsMade }, 'inbound drain failed; will retry');
      throw err;
    }
  };
  const send: Processor<SendJob> = async (job) => {
    await processSendJob({ outbox: deps.outbox, queues, slots }, job.data, job.attemptsStarted);
  };
  const timers: Processor<TimerJob> = async (job) => {
    const d = job.data;
    const stored = await insertInternalEvent(deps.db, { ...d, kind: 'timer', event: { type: 'timer_fired', token: d.token } });
    if (stored) await enqueueDrains({ queues, log }, { id: d.channelId, tenantId: d.tenantId }, [d.conversationKey]);
  };
  const ai: Processor<AiJob> = async (job) => {
    if (await processAiJob(deps.ai, job.data)) {
      await enqueueDrains({ queues, log }, { id: job.data.channelId, tenantId: job.data.tenantId }, [job.data.conversationKey]);
    }
  };
  // Every step effect, by its kind. Calls to a workspace's own system go through the same address checks as its AI base URL.
  const effects: Processor<StepEffectJob> = async (job) => {
    if (await performStepEffect({ db: deps.db, http: deps.ai.http.workspace, sealer: deps.ai.sealer }, job.data)) {
      await enqueueDrains({ queues, log }, { id: job.data.channelId, tenantId: job.data.tenantId }, [job.data.conversationKey]);
    }
  };
  // The outbox deps already hold what a download needs: db, channels, adapters and the object store.
  const media: Processor<MediaJob> = async (job) => {
    await processMediaJob(deps.outbox, job.data, { finalAttempt: job.attemptsMade + 1 >= (job.opts.attempts ?? 1) });
  };
  const inbox: Processor<InboxJob> = async (job) => {
    await processInboxJob(deps.inbox, job.data);
  };
  const webhooks: Processor<WebhookJob> = async (job) => {
    await processWebhookJob(deps.webhooks, job.data);
  };
  // An import with batches left after its slice goes to the back of the queue (not a retry).
  const contacts: Processor<ContactsJob> = async (job, token) => {
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    if ((await processContactsJob(deps.db, job.data, { finalAttempt, sliceMs: deps.importSliceMs })) === 'more') await handBack(job, token);
  };
  const maintenance: Processor = async () => {
    await housekeeping(deps);
    const requeued = await requeueOverdue(deps.webhooks);
    if (requeued) log.info({ requeued }, 'webhook deliveries re-enqueued');
  };
  const c = deps.concurrency ?? 8;
  const slots = createWorkspaceSlots(SEND_LIMITS);
  // Replies sent by the process whose drain wrote them, under the same slots as the send worker's.
  const localSends = createLocalSends((pending) => processSendJob({ outbox: deps.outbox, queues, slots }, { tenantId: pending.tenantId, conversationId: pending.conversationId, pending }), log, SEND_CONCURRENCY);
  // Each queue of calls to a workspace's endpoints gets slots of its own.
  const bounded = <T extends { tenantId: string; channelId?: string }>(p: Processor<T>) => inWorkspaceSlot(createWorkspaceSlots(CALL_LIMITS), p);
  // Each job runs under its trace: the one it was queued with, else its own job id.
  const traced = <T extends object>(p: Processor<T>): Processor<T> => (job, token, signal) =>
    withTrace((job.data as { traceId?: string }).traceId ?? job.id, () => p(job, token, signal));
  const workers = [
    new Worker(QUEUES.inbound, traced(inbound), opts(c)),
    // Sends wait on providers, not on the database: many in flight, bounded per workspace and channel.
    new Worker(QUEUES.send, traced(send), opts(SEND_CONCURRENCY)),
    new Worker(QUEUES.timers, traced(timers), opts(4)),
    new Worker(QUEUES.ai, traced(bounded(ai)), opts(CALL_CONCURRENCY)),
    new Worker(QUEUES.effects, traced(bounded(effects)), opts(CALL_CONCURRENCY)),
    new Worker(QUEUES.maintenance, maintenance, opts(1)),
    new Worker(QUEUES.media, traced(inWorkspaceSlot(createWorkspaceSlots(MEDIA_LIMITS), media)), opts(MEDIA_CONCURRENCY)),
    new Worker(QUEUES.inbox, traced(inbox), opts(2)),
    // Deliveries mostly wait on other people's servers (up to WEBHOOK_TIMEOUT_SECONDS each).
    new Worker(QUEUES.webhooks, traced(bounded(webhooks)), opts(CALL_CONCURRENCY)),
    new Worker(QUEUES.contacts, traced(contacts), opts(1)),
  ];
  for (const w of workers) {
    w.on('error', (err) => log.warn({ err: err.message, queue: w.name }, 'worker error'));
    w.on('completed', (job) => jobDuration.observe({ queue: w.name, outcome: 'completed' }, Date.now() - job.timestamp));
    w.on('failed', (job) => job && jobDuration.observe({ queue: w.name, outcome: 'failed' }, Date.now() - job.timestamp));
  }
  // Housekeeping is a BullMQ repeatable job; re-declared whenever Redis (re)connects, because a
  // Redis that lost its data also lost the schedule.
  const schedule = () =>
    queues.maintenance
      .upsertJobScheduler('housekeeping', { every: 60_000 }, { name: 'housekeeping', data: { task: 'expire_sessions' } })
      .catch((err) => log.warn({ err: err.message }, 'could not schedule housekeeping'));
  void schedule();
  connection.on('ready', () => void schedule());
  // The sweeper must run precisely when Redis lost work, so it does not depend on Redis: an
  // in-process timer, with a PostgreSQL try-lock so one process sweeps at a time.
  const sweeper = startSweeperTimer({ db: deps.db, queues, log, inbox: deps.inbox }, deps.sweepIntervalMs ?? 5_000);
  return {
    // Worker.close() waits for active jobs: nothing in flight is lost on shutdown.
    async close() {
      await Promise.all([sweeper.stop(), ...workers.map((w) => w.close())]);
      // After the inbound worker closed, nothing starts another.
      await localSends.close();
    },
  };
}
