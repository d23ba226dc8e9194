// Request shapes for /v1/campaigns (../shared/API.md "Campaigns").
import { z } from 'zod';
import { CAMPAIGN_LIMITS, isValidTimeZone } from '@zyntra/flows-schema';
import { templateParams as sharedTemplateParams } from '../templates/template-send';

export const templateParams = sharedTemplateParams.extend({
  /** The body as the customer reads it, with the same {{…}} placeholders: shown in the inbox and sent on gateways. */
  text: z.string().max(1024).optional(),
});

const phone = z.string().regex(/^\+?[0-9]{8,15}$/, 'A phone number in international format');
export const audience = z.object({
  tags: z.array(z.string().trim().min(1).max(64)).max(50).optional(),
  contactIds: z.array(z.uuid()).max(100_000).optional(),
  /** Phones from an uploaded CSV; numbers not yet known become contacts of the channel. */
  phones: z.array(phone).max(100_000).optional(),
  /** A saved contact filter (/v1/contact-filters): the contacts it selects when the campaign starts. */
  filterId: z.uuid().optional(),
}).refine((a) => (a.tags?.length ?? 0) + (a.contactIds?.length ?? 0) + (a.phones?.length ?? 0) > 0 || Boolean(a.filterId), 'Choose at least one tag, contact, phone or saved filter');

const hhmm = z.string().regex(/^(?:[01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$/, 'A time such as 09:00');

export const createCampaignBody = z.object({
  name: z.string().trim().min(1).max(CAMPAIGN_LIMITS.name),
  channelId: z.uuid(),
  template: templateParams,
  audience,
  // A few minutes' grace for a clock that runs behind; a time long gone would start at once instead.
  // Not a time at all ("tomorrow") is the datetime check's to say; only a real time can have passed.
  scheduledAt: z.iso.datetime({ offset: true }).refine((at) => Number.isNaN(Date.parse(at)) || Date.parse(at) > Date.now() - 5 * 60_000, 'scheduledAt has already passed').optional(),
  flowId: z.uuid().optional(),
  timeZone: z.string().max(64).refine(isValidTimeZone, 'An IANA time zone such as America/Sao_Paulo').optional(),
  // An end before the start runs overnight (22:00–06:00); the same time twice says nothing clear (all
  // day? never?), so it is refused at the end field, with a reason a client words.
  window: z.object({ start: hhmm, end: hhmm })
    .refine((w) => w.start !== w.end, { path: ['end'], message: 'The sending hours start and end at the same time: for all day, send from 00:00 until 23:59', params: { reason: 'same_start_end' } })
    .optional(),
  messagesPerSecond: z.number().int().min(1).max(1000).optional(),
  dailyLimit: z.number().int().min(1).max(10_000_000).optional(),
  gapSeconds: z.object({ min: z.number().min(1).max(600), max: z.number().min(1).max(600) }).refine((g) => g.max >= g.min, 'max must not be below min').optional(),
});
export type CreateCampaign = z.infer<typeof createCampaignBody>;

/** POST /v1/campaigns/audience: how many people an audience reaches on a channel, before creating the campaign. */
// With the template (optional), the count also leaves out whom it would reach with an empty value.
export const audiencePreviewBody = z.object({ channelId: z.uuid(), audience, template: templateParams.optional() });
export type AudiencePreview = z.infer<typeof audiencePreviewBody>;

export const RECIPIENT_STATUSES = ['pending', 'sent', 'delivered', 'read', 'replied', 'failed', 'skipped'] as const;
export const recipientsQuery = z.object({
  status: z.enum(RECIPIENT_STATUSES).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** "Send a test" to one number, read as an import reads it (local numbers in the workspace's country). */
export const testSendBody = z.object({ phone: z.string().trim().min(1).max(40) }).strict();
