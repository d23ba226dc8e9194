import { templateDefinition } from '@zyntra/flows-schema';
import type { RouteDoc } from '../openapi/describe';
import { idParam } from '../conversations/conversations.schemas';

const tag = 'WhatsApp templates';

export const templatesDocs: RouteDoc[] = [
  { method: 'get', path: '/v1/channels/:id/templates', tag, summary: "A WhatsApp channel's templates", params: idParam },
  { method: 'post', path: '/v1/channels/:id/templates/sync', tag, summary: "Sync the channel's templates from Meta", params: idParam },
  { method: 'post', path: '/v1/channels/:id/templates', tag, summary: 'Submit a new template to Meta', params: idParam, body: templateDefinition, status: 201 },
];
