import type { RouteDoc } from '../openapi/describe';
import { idParam } from '../conversations/conversations.schemas';
import { audiencePreviewBody, createCampaignBody, recipientsQuery } from './campaigns.schemas';

const tag = 'Campaigns';

export const campaignsDocs: RouteDoc[] = [
  { method: 'get', path: '/v1/campaigns', tag, summary: 'List campaigns' },
  { method: 'post', path: '/v1/campaigns', tag, summary: 'Create a campaign (channel, template, audience, schedule, sending window)', body: createCampaignBody, status: 201 },
  { method: 'post', path: '/v1/campaigns/audience', tag, summary: 'How many people an audience reaches on a channel now: {total, reachable, optedOut}', body: audiencePreviewBody },
  { method: 'get', path: '/v1/campaigns/:id/audience', tag, summary: "How many people the campaign's audience reaches now (before it is started): {total, reachable, optedOut}", params: idParam },
  { method: 'get', path: '/v1/campaigns/:id', tag, summary: 'One campaign with its progress', params: idParam },
  { method: 'get', path: '/v1/campaigns/:id/recipients', tag, summary: 'Recipients with their state and reason', params: idParam, query: recipientsQuery },
  { method: 'post', path: '/v1/campaigns/:id/start', tag, summary: 'Freeze the audience and start (or schedule)', params: idParam },
  { method: 'post', path: '/v1/campaigns/:id/pause', tag, summary: 'Pause sending', params: idParam },
  { method: 'post', path: '/v1/campaigns/:id/resume', tag, summary: 'Resume sending', params: idParam },
  { method: 'post', path: '/v1/campaigns/:id/cancel', tag, summary: 'Cancel; unsent recipients are skipped', params: idParam },
];
