import { z } from 'zod';
import type { RouteDoc } from '../openapi/describe';
import { channelIdParam, createChannelBody, rejectedEventsQuery, updateChannelBody } from './channels.schemas';

/** channels.service.ts toPublicChannel: never the secrets, only the settings that are not. */
const channel = z.object({
  warnings: z.array(z.string()).optional().describe('webhook_url_loopback: the webhook address is not reachable from the provider'),
  id: z.uuid(), type: z.string().describe('whatsapp_cloud, evolution or webchat'), name: z.string(),
  config: z.record(z.string(), z.unknown()).describe("The channel's settings without its secrets"),
  status: z.string().describe('active, pending (until a connection test passes) or disabled'),
  webhookUrl: z.string().nullable().describe("Where the provider sends this channel's events; null for web chat"),
  health: z.object({ kind: z.string(), code: z.string().nullable(), message: z.string(), severity: z.enum(['info', 'warning', 'critical']), at: z.string() })
    .loose().nullable().describe("The provider's latest notice about the number"),
  createdAt: z.iso.datetime(),
}).loose();

export const channelsDocs: RouteDoc[] = [
  { method: 'post', path: '/v1/channels', tag: 'Channels', summary: 'Connect a channel', body: createChannelBody, status: 201 },
  { method: 'get', path: '/v1/channels', tag: 'Channels', summary: 'List channels', response: z.object({ items: z.array(channel) }) },
  { method: 'get', path: '/v1/channels/:id', tag: 'Channels', summary: 'One channel', params: channelIdParam, response: channel },
  { method: 'get', path: '/v1/channels/:id/rejected-events', tag: 'Channels', summary: 'Provider events that were refused', params: channelIdParam, query: rejectedEventsQuery },
  { method: 'patch', path: '/v1/channels/:id', tag: 'Channels', summary: 'Rename or change credentials (checked with the provider)', params: channelIdParam, body: updateChannelBody },
  { method: 'delete', path: '/v1/channels/:id', tag: 'Channels', summary: 'Delete a channel', params: channelIdParam, status: 204 },
  { method: 'post', path: '/v1/channels/:id/test', tag: 'Channels', summary: 'Test the connection with the provider', params: channelIdParam },
  { method: 'post', path: '/v1/channels/:id/disable', tag: 'Channels', summary: 'Stop receiving and sending', params: channelIdParam },
  { method: 'post', path: '/v1/channels/:id/enable', tag: 'Channels', summary: 'Receive and send again', params: channelIdParam },
];

const providerChannel = z.object({ channelId: z.uuid() });

/** Served before express (http/webhook-server.ts); the provider's signature or token stands in for a bearer token. */
export const providerWebhookDocs: RouteDoc[] = [
  {
    method: 'get', path: '/v1/webhooks/whatsapp/:channelId', tag: 'Provider webhooks', public: true, params: providerChannel,
    summary: "Meta's verification handshake: answers hub.challenge when hub.verify_token is the channel's verifyToken",
    query: z.object({ 'hub.mode': z.literal('subscribe'), 'hub.verify_token': z.string(), 'hub.challenge': z.string() }),
  },
  { method: 'post', path: '/v1/webhooks/whatsapp/:channelId', tag: 'Provider webhooks', public: true, params: providerChannel, summary: "Meta's payloads, X-Hub-Signature-256 checked with the channel's appSecret" },
  { method: 'post', path: '/v1/webhooks/evolution/:channelId', tag: 'Provider webhooks', public: true, params: providerChannel, summary: "Evolution API events, the channel's webhookToken checked" },
];
