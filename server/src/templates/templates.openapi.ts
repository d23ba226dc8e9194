import { templateDefinition } from '@zyntra/flows-schema';
import type { RouteDoc } from '../openapi/describe';
import { idParam } from '../conversations/conversations.schemas';

const tag = 'WhatsApp templates';

export const templatesDocs: RouteDoc[] = [
  { method: 'get', path: '/v1/channels/:id/templates', tag, summary: "A WhatsApp channel's templates with review status and quality", params: idParam },
  { method: 'post', path: '/v1/channels/:id/templates/sync', tag, summary: 'Fetch the templates from Meta', params: idParam },
  { method: 'post', path: '/v1/channels/:id/templates', tag, summary: 'Submit a new template for review', params: idParam, body: templateDefinition, status: 201 },
];
