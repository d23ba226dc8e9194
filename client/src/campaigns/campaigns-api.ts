// Client for /v1/campaigns (../shared/API.md "Campaigns (broadcasts)").
import type { TemplateSend } from '@zyntra/flows-schema';
import { api } from '../api/client';

export type CampaignStatus = 'draft' | 'scheduled' | 'running' | 'paused' | 'completed' | 'cancelled';
export const RECIPIENT_STATUSES = ['pending', 'sent', 'delivered', 'read', 'replied', 'failed', 'skipped'] as const;
export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number];

export interface TemplateParams {
  name: string;
  language: string;
  parameters: TemplateSend['parameters'];
  text?: string;
}

export interface Campaign {
  id: string;
  name: string;
  status: CampaignStatus;
  channelId: string;
  channelType: string | null;
  template: TemplateParams;
  flowId: string | null;
  scheduledAt: string | null;
  timeZone: string;
  window: { start: string; end: string };
  pauseReason: string | null;
  pauseReasonText: string | null;
  warnings: Array<{ code: string; message: string }>;
  counts: Record<RecipientStatus | 'total', number>;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface Recipient {
  contactId: string;
  status: RecipientStatus;
  reason: string | null;
  reasonText: string | null;
  messageId: string | null;
  conversationId: string | null;
  contact: { name: string | null; phone: string | null };
  sentAt: string | null;
}

export interface CreateCampaignBody {
  name: string;
  channelId: string;
  template: TemplateParams;
  audience: { tags?: string[]; phones?: string[]; filterId?: string };
  scheduledAt?: string;
  flowId?: string;
  timeZone?: string;
  window?: { start: string; end: string };
}

export interface ChannelTemplate {
  id: string;
  name: string;
  language: string;
  status: string;
  components?: Array<{ type: string; text?: string }>;
}

/**
 * How many people an audience reaches now: `optedOut` of the `total` are skipped, and `missingValue`
 * whom the template would reach with an empty value (null: too many to check beforehand; 0 when no
 * template was given); `reachable` get the message.
 */
export interface AudienceCounts {
  total: number;
  reachable: number;
  optedOut: number;
  missingValue: number | null;
}

/** Where a test send stands: pending (queued), sent, delivered, read or failed, with a failure's reason. */
export interface TestSendStatus {
  messageId: string;
  status: string;
  reason: string | null;
  reasonText: string | null;
}

const path = (id: string, rest = '') => `/v1/campaigns/${encodeURIComponent(id)}${rest}`;

/** A campaign as the campaigns report lists it: what began sending in the period, with its counts. */
export type CampaignResult = Pick<Campaign, 'id' | 'name' | 'status' | 'counts'> & { startedAt: string; finishedAt: string | null };

export const campaignsApi = {
  list: (signal?: AbortSignal) => api.get<{ items: Campaign[] }>('/v1/campaigns', { signal }).then((r) => r.items),
  /** The campaigns that began sending in [from, to); `truncated` when the period held more than the report lists. */
  results: (from: string, to: string, signal?: AbortSignal) =>
    api.get<{ items: CampaignResult[]; truncated: boolean }>(`/v1/reports/campaigns?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, { signal }),
  get: (id: string, signal?: AbortSignal) => api.get<Campaign>(path(id), { signal }),
  create: (body: CreateCampaignBody) => api.post<Campaign>('/v1/campaigns', body),
  /** Who the audience of a campaign being drawn reaches on `channelId`, counted as starting would freeze it. */
  previewAudience: (channelId: string, audience: CreateCampaignBody['audience'], template: CreateCampaignBody['template'] | undefined, signal?: AbortSignal) =>
    api.post<AudienceCounts>('/v1/campaigns/audience', { channelId, audience, template }, { signal }),
  /** Who a saved campaign's audience reaches if it starts now. */
  audience: (id: string, signal?: AbortSignal) => api.get<AudienceCounts>(path(id, '/audience'), { signal }),
  act: (id: string, action: 'start' | 'pause' | 'resume' | 'cancel') => api.post<{ id: string; status: CampaignStatus }>(path(id, `/${action}`), {}),
  /** The campaign's message to one number before it starts (the marketer's own phone); the campaign does not change. */
  test: (id: string, phone: string) => api.post<{ conversationId: string; messageId: string; to: string; text: string }>(path(id, '/test'), { phone }),
  /** What became of a test send (its messageId from `test`). */
  testStatus: (id: string, messageId: string, signal?: AbortSignal) => api.get<TestSendStatus>(path(id, `/test/${encodeURIComponent(messageId)}`), { signal }),
  recipients: (id: string, q: { status?: RecipientStatus; cursor?: string | null }, signal?: AbortSignal) => {
    const params = new URLSearchParams({ limit: '50' });
    if (q.status) params.set('status', q.status);
    if (q.cursor) params.set('cursor', q.cursor);
    return api.get<{ items: Recipient[]; nextCursor: string | null }>(path(id, `/recipients?${params}`), { signal });
  },
  /** The channel's WhatsApp templates; empty when the server has none to list. */
  templates: (channelId: string, signal?: AbortSignal) =>
    api.get<{ items: ChannelTemplate[] }>(`/v1/channels/${encodeURIComponent(channelId)}/templates`, { signal }).then((r) => r.items, () => [] as ChannelTemplate[]),
};
