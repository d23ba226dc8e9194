// How every inbound drain job is queued (webhooks, timers, AI and step results, retries, the
// sweeper, an operator's retry): at its workspace's fair share of the queue (see fair-share.ts).
import type { JobsOptions } from 'bullmq';
import { QUEUES, type InboundJob } from './queue-names';
import type { Queues } from './queues';

/**
 * One waiting drain per conversation: while a drain job of the conversation waits, more events of
 * it add no job (the waiting one drains them all). The worker lifts the mark as it starts a drain,
 * before it reads the events, so an event stored during a drain gets a job of its own.
 */
export const drainJobOptions = (tenantId: string, conversationKey: string) => ({ deduplication: { id: `${tenantId}:${conversationKey}` } });

export type DrainOptions = { delay?: number; /** One waiting job per conversation (drainJobOptions). */ dedupe?: boolean };

/** Queues drains of any workspaces, each job with its workspace's fair priority. */
export async function addDrains(queues: Pick<Queues, 'inbound' | 'share'>, jobs: InboundJob[], opts: DrainOptions = {}): Promise<void> {
  if (!jobs.length) return;
  const byTenant = new Map<string, InboundJob[]>();
  for (const job of jobs) {
    const ofTenant = byTenant.get(job.tenantId);
    if (ofTenant) ofTenant.push(job);
    else byTenant.set(job.tenantId, [job]);
  }
  const entries: { name: 'drain'; data: InboundJob; opts: JobsOptions }[] = [];
  for (const [tenantId, ofTenant] of byTenant) {
    const priorities = await queues.share(QUEUES.inbound, tenantId, ofTenant.length);
    ofTenant.forEach((data, i) => entries.push({
      name: 'drain',
      data,
      opts: { priority: priorities[i], ...(opts.delay ? { delay: opts.delay } : {}), ...(opts.dedupe ? drainJobOptions(tenantId, data.conversationKey) : {}) },
    }));
  }
  // A webhook's usual one job goes without addBulk's MULTI (and the pipeline object ioredis builds for it).
  if (entries.length === 1) await queues.inbound.add(entries[0]!.name, entries[0]!.data, entries[0]!.opts);
  else await queues.inbound.addBulk(entries);
}
