import { templateDefinition } from '@zyntra/flows-schema';
import type { RouteDoc } from '../openapi/describe';
import { idParam } from '../conversations/conversations.schemas';
import { templateParams } from './templates.schemas';

const tag = 'WhatsApp templates';

export const templatesDocs: RouteDoc[] = [
  { method: 'get', path: '/v1/channels/:id/templates', tag, summary: "A WhatsApp channel's templates with review status and quality", params: idParam },
  { method: 'post', path: '/v1/channels/:id/templates/sync', tag, summary: 'Fetch the templates from Meta', params: idParam },
  { method: 'post', path: '/v1/channels/:id/templates', tag, summary: 'Submit a new template for review', params: idParam, body: templateDefinition, status: 201 },
  {
    method: 'delete', path: '/v1/channels/:id/templates/:templateId', tag, params: templateParams, status: 204,
    summary: 'Delete one language of a template at Meta, then here (409 while a scheduled, running or paused campaign sends it; Meta blocks an approved name for 30 days)',
  },
];
