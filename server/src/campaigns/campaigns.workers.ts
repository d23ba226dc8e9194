// The campaigns queue's worker (campaign runs; template pauses; 131050 opt-outs) and sweeper, started by the `worker` role beside the runner's.
import { Worker, type Processor } from 'bullmq';
import { jobLock } from '../queues/queues';
import { QUEUES, type CampaignJob, type CampaignOptOutJob, type CampaignTemplateJob } from '../queues/queue-names';
import { optOutByMessage } from './opt-out';
import { runCampaign, startCampaignSweeper, type CampaignWorkDeps } from './campaign.worker';
import { pauseForTemplate } from './campaigns.service';

export function startCampaignWorkers(deps: CampaignWorkDeps, opts: { concurrency?: number; sweepIntervalMs?: number; lockMs?: number } = {}): { close(): Promise<void> } {
  const processor: Processor<CampaignJob | CampaignTemplateJob | CampaignOptOutJob> = async (job) => {
    if (job.name === 'template_stopped') await pauseForTemplate(deps.db, job.data as CampaignTemplateJob);
    else if (job.name === 'opt_out') await optOutByMessage(deps.db, job.data.tenantId, (job.data as CampaignOptOutJob).messageId);
    else await runCampaign(deps, job.data as CampaignJob);
  };
  const worker = new Worker(QUEUES.campaigns, processor, { connection: deps.redis, prefix: deps.prefix, concurrency: opts.concurrency ?? 4, ...jobLock(opts.lockMs) });
  worker.on('error', (err) => deps.log.warn({ err: err.message }, 'campaign worker error'));
  const sweeper = startCampaignSweeper(deps, opts.sweepIntervalMs);
  return {
    async close() {
      sweeper.stop();
      await worker.close();
    },
  };
}
