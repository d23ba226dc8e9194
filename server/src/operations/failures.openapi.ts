import { z } from 'zod';
import type { RouteDoc } from '../openapi/describe';

const tag = 'Operations';
const id = z.object({ id: z.string() });
const time = z.iso.datetime();
const contact = z.object({ name: z.string().nullable(), phone: z.string().nullable() }).nullable()
  .describe('Who the customer is, when the workspace knows them');

/** failures.routes.ts: the newest 50 of each, with what went wrong. */
const failures = z.object({
  events: z.array(z.object({
    id: z.string().regex(/^\d+$/).describe('Retry it at POST /v1/operations/failures/events/{id}/retry'),
    kind: z.string().describe('What the provider sent: message, status…'), conversationKey: z.string(), contact,
    error: z.string().nullable(), attempts: z.int(), receivedAt: time, failedAt: time.nullable(),
  })).describe('Inbound events set aside after repeated failures, newest first'),
  messages: z.array(z.object({
    id: z.uuid().describe('Send it again at POST /v1/operations/failures/messages/{id}/retry'),
    conversationId: z.uuid(), contact, text: z.string().nullable(), type: z.string(),
    error: z.string().nullable(), attempts: z.int(), failedAt: time,
    optedOut: z.boolean().describe('A marketing template to a customer who has opted out since: it is not sent again (retry answers 409)'),
  })).describe('Messages to customers (bot, agents, campaigns) that could not be sent, the latest failures first'),
  totals: z.object({ events: z.int(), messages: z.int(), capped: z.boolean().describe('Counted up to 10,000: there are more') })
    .describe('How many of each are failed in all; the lists hold the newest 50'),
  webhooks: z.array(z.object({
    id: z.uuid(), url: z.string(), failingSince: time.nullable(), disabledAt: time.nullable(),
    disabledReason: z.string().nullable().describe('Set when the endpoint was turned off for failing'),
  })).describe('Webhook endpoints whose calls are failing, or which were turned off for failing; their calls are logged at /v1/webhook-endpoints/{id}/deliveries'),
});

/** failures.queries.ts: up to 1,000 of each per call, oldest failures first. */
const retriedAll = z.object({
  messages: z.int().describe('Messages queued to be sent again'), events: z.int().describe('Events queued to be processed again'),
  remaining: z.int().describe('Still failed after this call (beyond its 1,000 of each, failed again already, or counted in optedOut): call again to take the first two'),
  optedOut: z.int().describe('Marketing templates to customers who opted out since they failed: left failed, never sent again'),
});

/** Queued again (404 when there is no such failure, or it was retried already). */
const retried = z.object({ retried: z.literal(true) });

export const failuresDocs: RouteDoc[] = [
  { method: 'get', path: '/v1/operations/failures', tag, summary: 'Inbound events set aside and messages not sent, with the reason (owners, admins)', response: failures },
  { method: 'post', path: '/v1/operations/failures/retry-all', tag, summary: 'Send every failed message again and process every set-aside event again', status: 202, response: retriedAll },
  { method: 'post', path: '/v1/operations/failures/events/:id/retry', tag, summary: 'Process a set-aside inbound event again', params: id, status: 202, response: retried },
  { method: 'post', path: '/v1/operations/failures/messages/:id/retry', tag, summary: 'Send a failed message again (409 for a marketing template to a customer who opted out since)', params: id, status: 202, response: retried },
];
