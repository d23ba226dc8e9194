import { z } from 'zod';
import type { RouteDoc } from '../openapi/describe';

const tag = 'Operations';
const id = z.object({ id: z.string() });
const time = z.iso.datetime();

/** failures.routes.ts: the newest 50 of each, with what went wrong. */
const failures = z.object({
  events: z.array(z.object({
    id: z.string().regex(/^\d+$/).describe('Retry it at POST /v1/operations/failures/events/{id}/retry'),
    kind: z.string().describe('What the provider sent: message, status…'), conversationKey: z.string(),
    error: z.string().nullable(), attempts: z.int(), receivedAt: time, failedAt: time.nullable(),
  })).describe('Inbound events set aside after repeated failures, newest first'),
  messages: z.array(z.object({
    id: z.uuid().describe('Send it again at POST /v1/operations/failures/messages/{id}/retry'),
    conversationId: z.uuid(), text: z.string().nullable(), type: z.string(),
    error: z.string().nullable(), attempts: z.int(), failedAt: time,
  })).describe('Messages to customers (bot, agents, campaigns) that could not be sent, the latest failures first'),
});

/** Queued again (404 when there is no such failure, or it was retried already). */
const retried = z.object({ retried: z.literal(true) });

export const failuresDocs: RouteDoc[] = [
  { method: 'get', path: '/v1/operations/failures', tag, summary: 'Inbound events set aside and messages not sent, with the reason (owners, admins)', response: failures },
  { method: 'post', path: '/v1/operations/failures/events/:id/retry', tag, summary: 'Process a set-aside inbound event again', params: id, status: 202, response: retried },
  { method: 'post', path: '/v1/operations/failures/messages/:id/retry', tag, summary: 'Send a failed message again', params: id, status: 202, response: retried },
];
