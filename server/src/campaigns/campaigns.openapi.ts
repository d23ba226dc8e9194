import type { RouteDoc } from '../openapi/describe';
import { idParam } from '../conversations/conversations.schemas';
import { createCampaignBody, recipientsQuery } from './campaigns.schemas';

const tag = 'Campaigns';

export const campaignsDocs: RouteDoc[] = [
  { method: 'get', path: '/v1/campaigns', tag, summary: 'Campaigns with their counts' },
  { method: 'post', path: '/v1/campaigns', tag, summary: 'Create a campaign (scheduled at once when scheduledAt is given)', body: createCampaignBody, status: 201 },
  { method: 'get', path: '/v1/campaigns/:id', tag, summary: 'A campaign and its counts per recipient status', params: idParam },
  { method: 'get', path: '/v1/campaigns/:id/recipients', tag, summary: 'Recipients with status and reason', params: idParam, query: recipientsQuery },
  ...(['start', 'pause', 'resume', 'cancel'] as const).map((a): RouteDoc => ({ method: 'post', path: `/v1/campaigns/:id/${a}`, tag, summary: `${a[0]!.toUpperCase()}${a.slice(1)} the campaign`, params: idParam })),
];
