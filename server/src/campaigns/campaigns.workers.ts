// The campaigns queue's worker (campaign runs; template pauses, holds and syncs; 131050 opt-outs) and sweeper, started by the `worker` role beside the runner's.
import { Worker, type Job, type Processor } from 'bullmq';
import { jobLock } from '../queues/queues';
import { inWorkspaceSlot } from '../queues/in-workspace-slot';
import { createWorkspaceSlots, type SlotLimits } from '../queues/workspace-slots';
import { QUEUES, type CampaignJob, type CampaignQueueJobName, type CampaignQueueJobs, type TemplateSyncJob } from '../queues/queue-names';
import { completeTemplate } from '../templates/templates.service';
import { optOutByMessage } from './opt-out';
import { runCampaign, startCampaignSweeper, type CampaignWorkDeps } from './campaign.worker';
import { pauseForTemplate } from './campaigns.service';
import { holdForDroppedSend } from './template-held';

/**
 * A campaign's slice sends for up to 30 s (and waits out its provider calls), so a workspace runs at
 * most 2 slices at once per worker process and one with many campaigns, or a provider that hangs,
 * leaves the other 6 slots to the other workspaces. Pauses and opt-outs are short and not bounded.
 */
const CAMPAIGN_CONCURRENCY = 8;
const SLICE_LIMITS: SlotLimits = { perWorkspace: 2, perChannel: 2, maxWaiting: 2 };

const syncNewTemplate = (deps: CampaignWorkDeps, job: TemplateSyncJob) =>
  completeTemplate({ db: deps.db, channels: deps.channels, client: deps.templates }, job.tenantId, job.channelId, job.templateId);

export function startCampaignWorkers(deps: CampaignWorkDeps, opts: { concurrency?: number; sweepIntervalMs?: number; lockMs?: number } = {}): { close(): Promise<void> } {
  const slice = inWorkspaceSlot(createWorkspaceSlots(SLICE_LIMITS), (job: Job<CampaignJob>) => runCampaign(deps, job.data));
  const handlers: { [N in CampaignQueueJobName]: (job: Job<CampaignQueueJobs[N]>, token?: string, signal?: AbortSignal) => Promise<unknown> } = {
    run: slice,
    template_stopped: (job) => pauseForTemplate(deps.db, job.data),
    template_sync: (job) => syncNewTemplate(deps, job.data),
    opt_out: (job) => optOutByMessage(deps.db, job.data.tenantId, job.data.messageId),
    template_held: (job) => holdForDroppedSend(deps.db, job.data.tenantId, job.data.messageId),
  };
  const processor: Processor<CampaignQueueJobs[CampaignQueueJobName], unknown, CampaignQueueJobName> = async (job, token, signal) => {
    const handle = handlers[job.name] as ((job: Job, token?: string, signal?: AbortSignal) => Promise<unknown>) | undefined;
    if (!handle) throw new Error(`unknown campaigns job: ${job.name}`);
    await handle(job, token, signal);
  };
  const worker = new Worker(QUEUES.campaigns, processor, { connection: deps.redis, prefix: deps.prefix, concurrency: opts.concurrency ?? CAMPAIGN_CONCURRENCY, ...jobLock(opts.lockMs) });
  worker.on('error', (err) => deps.log.warn({ err: err.message }, 'campaign worker error'));
  const sweeper = startCampaignSweeper(deps, opts.sweepIntervalMs);
  return {
    async close() {
      await Promise.all([sweeper.stop(), worker.close()]);
    },
  };
}
