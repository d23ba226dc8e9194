import { z } from 'zod';
import type { RouteDoc } from '../openapi/describe';

const tag = 'Operations';
const id = z.object({ id: z.string() });

export const failuresDocs: RouteDoc[] = [
  { method: 'get', path: '/v1/operations/failures', tag, summary: 'Inbound events set aside and messages not sent, with the reason (owners, admins)' },
  { method: 'post', path: '/v1/operations/failures/events/:id/retry', tag, summary: 'Process a set-aside inbound event again', params: id, status: 202 },
  { method: 'post', path: '/v1/operations/failures/messages/:id/retry', tag, summary: 'Send a failed message again', params: id, status: 202 },
];
