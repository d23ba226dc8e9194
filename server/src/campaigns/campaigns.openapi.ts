import { z } from 'zod';
import type { RouteDoc } from '../openapi/describe';
import { idParam, messageParams } from '../conversations/conversations.schemas';
import { audiencePreviewBody, createCampaignBody, RECIPIENT_STATUSES, recipientsQuery, testSendBody } from './campaigns.schemas';

const tag = 'Campaigns';
const time = z.iso.datetime();

/** campaigns.service.ts view(): the campaign as stored, with its recipients counted by status. */
const campaign = z.object({
  id: z.uuid(), name: z.string(),
  status: z.enum(['draft', 'scheduled', 'running', 'paused', 'completed', 'cancelled']),
  channelId: z.uuid(), channelType: z.string().nullable(),
  warnings: z.array(z.object({ code: z.string(), message: z.string() })).describe('Risks of sending on this channel (an unofficial gateway)'),
  template: z.object({ name: z.string(), language: z.string(), parameters: z.record(z.string(), z.unknown()) }).loose(),
  audience: z.object({ tags: z.array(z.string()), contactIds: z.array(z.uuid()), phones: z.array(z.string()), filterId: z.uuid() }).partial().loose(),
  flowId: z.uuid().nullable(), scheduledAt: time.nullable(), timeZone: z.string(),
  window: z.object({ start: z.string(), end: z.string() }).describe('Local sending hours, HH:MM'),
  messagesPerSecond: z.number().nullable(), dailyLimit: z.int().nullable(),
  gapSeconds: z.object({ min: z.number(), max: z.number() }).nullable(),
  pauseReason: z.string().nullable(), pauseReasonText: z.string().nullable(),
  startedAt: time.nullable(), finishedAt: time.nullable(), createdAt: time,
  counts: z.object(Object.fromEntries(['total', ...RECIPIENT_STATUSES].map((s) => [s, z.int()]))).loose(),
}).loose();

/** audience.ts AudienceCounts. */
const audienceCounts = z.object({
  total: z.int(), reachable: z.int(), optedOut: z.int(),
  missingValue: z.int().nullable().describe('Whom the template would reach with an empty value; null when the audience is too large to check beforehand'),
});

/** What start, pause, resume and cancel answer: the campaign's status after the move (409 when it cannot move). */
const moved = (statuses: readonly [string, ...string[]]) => z.object({ id: z.uuid(), status: z.enum(statuses) });

const recipients = z.object({
  items: z.array(z.object({
    contactId: z.uuid(), status: z.enum(RECIPIENT_STATUSES), reason: z.string().nullable(), reasonText: z.string().nullable(),
    messageId: z.uuid().nullable(), conversationId: z.uuid().nullable(),
    contact: z.object({ name: z.string().nullable(), phone: z.string().nullable() }), sentAt: time.nullable(),
  }).loose()),
  nextCursor: z.string().nullable(),
});

export const campaignsDocs: RouteDoc[] = [
  { method: 'get', path: '/v1/campaigns', tag, summary: 'List campaigns (the newest 200)', response: z.object({ items: z.array(campaign) }) },
  { method: 'post', path: '/v1/campaigns', tag, summary: 'Create a campaign (channel, template, audience, schedule, sending window)', body: createCampaignBody, status: 201, response: campaign },
  { method: 'post', path: '/v1/campaigns/audience', tag, summary: 'How many people an audience reaches on a channel now: {total, reachable, optedOut, missingValue}; with the template, missingValue counts whom it would reach with an empty value (skipped at the send; null when the audience is too large to check beforehand)', body: audiencePreviewBody, response: audienceCounts },
  { method: 'get', path: '/v1/campaigns/:id/audience', tag, summary: "How many people the campaign's audience reaches now (before it is started): {total, reachable, optedOut, missingValue}", params: idParam, response: audienceCounts },
  { method: 'get', path: '/v1/campaigns/:id', tag, summary: 'One campaign with its progress', params: idParam, response: campaign },
  { method: 'get', path: '/v1/campaigns/:id/recipients', tag, summary: 'Recipients with their state and reason', params: idParam, query: recipientsQuery, response: recipients },
  {
    method: 'post', path: '/v1/campaigns/:id/test', tag, params: idParam, body: testSendBody, status: 201,
    summary: "Send the campaign's message to one number (your own phone) before starting it: filled from that number's contact (a number the channel has no contact for "
      + 'becomes one once the test goes out; a refused test adds nothing), refused as a recipient would be skipped (400 `optedOut` or `missingValue`; 422 for a template not approved). '
      + "Sent in a conversation that stays out of the inbox until answered, where the campaign's flow answers a reply; the campaign does not change",
    response: z.object({ conversationId: z.uuid(), messageId: z.uuid(), to: z.string(), text: z.string() }),
  },
  {
    method: 'get', path: '/v1/campaigns/:id/test/:messageId', tag, params: messageParams,
    summary: 'Where a test send stands (its `messageId` from POST /test): pending (queued), sent, delivered, read or failed; a failure has the `reason` code and words a recipient\'s failure would have',
    response: z.object({ messageId: z.uuid(), status: z.string(), reason: z.string().nullable(), reasonText: z.string().nullable() }),
  },
  { method: 'post', path: '/v1/campaigns/:id/start', tag, summary: 'Freeze the audience and start (or schedule)', params: idParam, response: moved(['running', 'scheduled']) },
  { method: 'post', path: '/v1/campaigns/:id/pause', tag, summary: 'Pause sending', params: idParam, response: moved(['paused']) },
  { method: 'post', path: '/v1/campaigns/:id/resume', tag, summary: 'Resume sending (a campaign paused before its scheduled time waits for it again, or starts when it has passed)', params: idParam, response: moved(['running', 'scheduled']) },
  { method: 'post', path: '/v1/campaigns/:id/cancel', tag, summary: 'Cancel; unsent recipients are skipped', params: idParam, response: moved(['cancelled']) },
];
