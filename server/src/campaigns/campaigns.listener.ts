// The campaigns' domain-event consumer: a template WhatsApp paused, disabled or deleted (its webhook,
// or a deletion from here racing a campaign's start) stops the campaigns sending it, scheduled ones
// included, before a send meets 132015/132016/132001; a message refused with 131050 at
// send time becomes an opt-out (see opt-out.ts; a late failed status opts out in its own
// transaction, and this job then finds nothing left to change); a message dropped later with
// 132015 holds its template's campaigns (template-held.ts). A template's review webhook also
// has its text filled in when Meta's own tools made it. Filters and enqueues, nothing more.
import type { Listener } from '../events/listener';
import type { CampaignHeldJob, CampaignOptOutJob, CampaignTemplateJob, TemplateSyncJob } from '../queues/queue-names';
import type { Queues } from '../queues/queues';

/** A paced template's message WhatsApp held and then dropped (a failed status): the campaign holds (reference/whatsapp-templates.md §4). */
const TEMPLATE_HELD = '132015';

const STOPPING: Record<string, CampaignTemplateJob['reason']> = { PAUSED: 'template_paused', DISABLED: 'template_disabled', DELETED: 'template_deleted' };

export function campaignsListener(queues: Queues): Listener {
  return {
    name: 'campaigns',
    handlers: {
      'message.failed': async (e) => {
        if (typeof e.payload.messageId !== 'string') return;
        if (String(e.payload.code) === TEMPLATE_HELD) {
          const held: CampaignHeldJob = { tenantId: e.tenant_id, messageId: e.payload.messageId };
          await queues.campaigns.add('template_held', held, { jobId: `held-${e.payload.messageId}`, removeOnComplete: true });
          return;
        }
        if (String(e.payload.code) !== '131050') return;
        const job: CampaignOptOutJob = { tenantId: e.tenant_id, messageId: e.payload.messageId };
        await queues.campaigns.add('opt_out', job, { jobId: `optout-${e.payload.messageId}`, removeOnComplete: true });
      },
      'template.updated': async (e) => {
        // One sync job per template at a time; a failed one (Meta away past its retries) is dropped so the next webhook tries again.
        if (e.payload.change === 'template_status' && typeof e.payload.templateId === 'string' && typeof e.payload.channelId === 'string') {
          const sync: TemplateSyncJob = { tenantId: e.tenant_id, channelId: e.payload.channelId, templateId: e.payload.templateId };
          await queues.campaigns.add('template_sync', sync, { jobId: `template-sync-${e.payload.templateId}`, removeOnComplete: true, removeOnFail: true });
        }
        const reason = STOPPING[String(e.payload.status)];
        if (!reason || typeof e.payload.channelId !== 'string') return;
        const job: CampaignTemplateJob = { tenantId: e.tenant_id, channelId: e.payload.channelId, name: String(e.payload.name), language: String(e.payload.language), reason };
        await queues.campaigns.add('template_stopped', job, { removeOnComplete: true });
      },
    },
  };
}
