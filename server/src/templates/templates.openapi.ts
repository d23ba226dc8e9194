import { z } from 'zod';
import { templateDefinition, templateEdit } from '@zyntra/flows-schema';
import type { RouteDoc } from '../openapi/describe';
import { idParam } from '../conversations/conversations.schemas';
import { templateParams } from './templates.schemas';

const tag = 'WhatsApp templates';

/**
 * templates.service.ts templateView: our copy of one language of a template. Status, category and
 * quality are Meta's words, kept as strings: Meta adds values without notice.
 */
export const templateItem = z.object({
  id: z.uuid(), channelId: z.uuid(),
  providerId: z.string().nullable().describe("Meta's id; null until Meta has given one"),
  name: z.string(), language: z.string(),
  category: z.string().describe('MARKETING, UTILITY or AUTHENTICATION'),
  previousCategory: z.string().nullable().describe('The category before Meta changed it'),
  status: z.string().describe('As Meta names it: APPROVED, PENDING, REJECTED, PAUSED, DISABLED…'),
  reason: z.string().nullable().describe("Meta's reason for a rejection or a flag"),
  qualityScore: z.string().nullable().describe('GREEN, YELLOW, RED or UNKNOWN, once Meta rated it'),
  components: z.array(z.object({ type: z.string() }).loose()).describe("The template's parts as Meta describes them (HEADER, BODY, FOOTER, BUTTONS)"),
  updatedAt: z.iso.datetime(),
}).loose();

export const templateList = z.object({ items: z.array(templateItem) });

export const templatesDocs: RouteDoc[] = [
  { method: 'get', path: '/v1/channels/:id/templates', tag, summary: "A WhatsApp channel's templates with review status and quality", params: idParam, response: templateList },
  { method: 'post', path: '/v1/channels/:id/templates/sync', tag, summary: 'Fetch the templates from Meta', params: idParam, response: templateList },
  { method: 'post', path: '/v1/channels/:id/templates', tag, summary: 'Submit a new template for review', params: idParam, body: templateDefinition, status: 201, response: templateItem },
  {
    method: 'patch', path: '/v1/channels/:id/templates/:templateId', tag, params: templateParams, body: templateEdit, response: templateItem,
    summary: 'Edit a rejected or paused template at Meta (its components replace all; the category optional): it is then PENDING, reviewed again. 409 template_not_editable in any other status',
  },
  {
    method: 'delete', path: '/v1/channels/:id/templates/:templateId', tag, params: templateParams, status: 204,
    summary: 'Delete one language of a template at Meta, then here (409 while a scheduled, running or paused campaign sends it; Meta blocks an approved name for 30 days)',
  },
];
