import { z } from 'zod';
import type { RouteDoc } from '../openapi/describe';
import {
  attemptParams, createEndpointBody, deliveriesQuery, deliveryView, endpointIdParam, endpointView, noticeIdParam, rotateSecretBody, updateEndpointBody,
} from './webhooks.schemas';

const tag = 'Outbound webhooks';
const base = '/v1/webhook-endpoints';
const withSecret = endpointView.extend({ secret: z.string().describe('whsec_…; shown once') });
const queued = z.object({ messageId: z.string() });

/** webhooks.service.ts listNotices: the newest 50 not dismissed. */
const notices = z.object({
  items: z.array(z.object({
    id: z.int().describe('DELETE /v1/notices/{id} dismisses it'),
    kind: z.string().describe('webhook_endpoint_disabled: {endpointId, url, reason, failingSince}'),
    data: z.record(z.string(), z.unknown()),
    at: z.iso.datetime(),
  }).loose()),
});

export const webhooksDocs: RouteDoc[] = [
  { method: 'get', path: base, tag, summary: 'List endpoints', response: z.object({ items: z.array(endpointView), eventTypes: z.array(z.string()) }) },
  { method: 'post', path: base, tag, summary: 'Create an endpoint (the signing secret is shown once)', body: createEndpointBody, status: 201, response: withSecret },
  { method: 'get', path: `${base}/:id`, tag, summary: 'One endpoint', params: endpointIdParam, response: endpointView },
  { method: 'patch', path: `${base}/:id`, tag, summary: 'Change URL, events, description; enable or disable', params: endpointIdParam, body: updateEndpointBody, response: endpointView },
  { method: 'delete', path: `${base}/:id`, tag, summary: 'Delete', params: endpointIdParam, status: 204 },
  { method: 'post', path: `${base}/:id/rotate-secret`, tag, summary: 'New secret; the previous one keeps signing during the overlap', params: endpointIdParam, body: rotateSecretBody, response: withSecret },
  { method: 'post', path: `${base}/:id/test`, tag, summary: 'Send a webhook.test event', params: endpointIdParam, status: 202, response: queued },
  { method: 'get', path: `${base}/:id/deliveries`, tag, summary: 'Attempt log, newest first', params: endpointIdParam, query: deliveriesQuery, response: z.object({ items: z.array(deliveryView) }) },
  { method: 'post', path: `${base}/:id/deliveries/:deliveryId/resend`, tag, summary: 'Send the logged message again (same webhook-id)', params: attemptParams, status: 202, response: queued },
  { method: 'get', path: '/v1/notices', tag: 'Notices', summary: "Notices for the workspace's owners (e.g. an endpoint disabled)", response: notices },
  { method: 'delete', path: '/v1/notices/:id', tag: 'Notices', summary: 'Dismiss a notice', params: noticeIdParam, status: 204 },
];
