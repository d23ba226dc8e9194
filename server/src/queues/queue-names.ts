import type { OutboundContent } from '@zyntra/flows-schema';
import type { LlmRequest } from '../engine/actions';

// Queue names and job payloads in one place. Jobs carry ids (a send job also the content its
// messages were just written with); the database holds the truth,
// so a job delivered twice or a queue wiped by an outage loses nothing (the sweeper re-enqueues).
export const QUEUES = {
  inbound: 'inbound', // drain a conversation's pending inbound_events in order
  send: 'send', // drain a conversation's unsent outbound messages in order
  timers: 'timers', // wait timeouts and delays, as delayed jobs
  ai: 'ai', // LLM calls for ai_reply nodes
  effects: 'effects', // the async effects of steps (an http_request call…), one job name per kind of effect
  maintenance: 'maintenance', // repeatable: sweep, expire sessions, close stale conversations
  media: 'media', // download an inbound message's media file into object storage
  inbox: 'inbox', // automatic assignment of transferred conversations
  webhooks: 'webhooks', // one delivery attempt of a workspace's outbound webhook
  contacts: 'contacts', // CSV imports of contacts
  campaigns: 'campaigns', // run a campaign's sends (one runner per campaign); template pauses; 131050 opt-outs
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** `traceId`: the trace of the webhook (or job) that queued it, continued by the worker. */
export type InboundJob = { tenantId: string; channelId: string; conversationKey: string; traceId?: string };
/**
 * Drain one conversation's outbox. `pending`: what an inbound drain just wrote and pre-claimed, sent
 * without another claim round trip (kept structural here so queues/ knows nothing of the outbox).
 */
export type SendJob = {
  tenantId: string;
  conversationId: string;
  traceId?: string;
  pending?: {
    tenantId: string; conversationId: string; channelId: string; recipient: { externalId: string; phone: string | null };
    messages: Array<{ id: string; payload: OutboundContent }>; claimed: string[];
  };
};
export type TimerJob = { tenantId: string; channelId: string; conversationKey: string; conversationId: string; token: string };
export type AiJob = {
  tenantId: string;
  channelId: string;
  conversationKey: string;
  conversationId: string;
  token: string;
  request: LlmRequest;
};
/** One step effect to perform: `kind` names its entry in the runner's effects registry, `request` is the step's start_effect request. */
export type StepEffectJob = {
  tenantId: string; channelId: string; conversationKey: string; conversationId: string; kind: string; token: string; nodeId: string; request: Record<string, unknown>;
};
export type MaintenanceJob = { task: 'expire_sessions' };
export type MediaJob = { tenantId: string; messageId: string };
export type InboxJob = { task: 'assign_conversation'; tenantId: string; conversationId: string } | { task: 'assign_queue'; tenantId: string };
export type WebhookJob = { task: 'deliver'; tenantId: string; messageId: string; manual?: boolean };
export type ContactsJob = { task: 'import'; tenantId: string; importId: string };
export type CampaignJob = { tenantId: string; campaignId: string };
export type CampaignOptOutJob = { tenantId: string; messageId: string };
/** A template WhatsApp paused or disabled: the campaigns sending it stop. */
export type CampaignTemplateJob = { tenantId: string; channelId: string; name: string; language: string; reason: 'template_paused' | 'template_disabled' | 'template_deleted' };
/** A template first heard of from its review webhook (made in Meta's own tools): the channel's templates are synced to fill in its text. */
export type TemplateSyncJob = { tenantId: string; channelId: string; templateId: string };
/** The campaigns queue's jobs by name: each name has its own handler (campaigns.workers.ts). */
/** A campaign message WhatsApp held (pacing) and then dropped with 132015: its template's campaigns hold. */
export type CampaignHeldJob = { tenantId: string; messageId: string };
export type CampaignQueueJobs = { run: CampaignJob; opt_out: CampaignOptOutJob; template_stopped: CampaignTemplateJob; template_sync: TemplateSyncJob; template_held: CampaignHeldJob };
export type CampaignQueueJobName = keyof CampaignQueueJobs;
