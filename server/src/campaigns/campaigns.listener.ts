// The campaigns' domain-event consumer: a message refused with 131050 (the person stopped this
// business's marketing in WhatsApp) becomes an opt-out. Filters and enqueues, nothing more.
import type { Listener } from '../events/listener';
import type { CampaignOptOutJob } from '../queues/queue-names';
import type { Queues } from '../queues/queues';

export function campaignsListener(queues: Queues): Listener {
  return {
    name: 'campaigns',
    handlers: {
      'message.failed': async (e) => {
        if (String(e.payload.code) !== '131050' || typeof e.payload.messageId !== 'string') return;
        const job: CampaignOptOutJob = { tenantId: e.tenant_id, messageId: e.payload.messageId };
        await queues.campaigns.add('opt_out', job, { jobId: `optout-${e.payload.messageId}`, removeOnComplete: true });
      },
    },
  };
}
