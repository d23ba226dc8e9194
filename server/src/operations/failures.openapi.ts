import type { RouteDoc } from '../openapi/describe';

export const failuresDocs: RouteDoc[] = [
  { method: 'get', path: '/v1/operations/failures', tag: 'Operations', summary: 'Inbound events set aside after repeated failures and messages that could not be sent, with the reason' },
  { method: 'post', path: '/v1/operations/failures/events/:id/retry', tag: 'Operations', summary: 'Process a failed inbound event again', status: 202 },
  { method: 'post', path: '/v1/operations/failures/messages/:id/retry', tag: 'Operations', summary: 'Send a failed message again', status: 202 },
];
