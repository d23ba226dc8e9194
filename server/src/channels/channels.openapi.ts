import { z } from 'zod';
import type { RouteDoc } from '../openapi/describe';
import { CHANNEL_TYPES } from './channel-types';
import { channelIdParam, createChannelBody, rejectedEventsQuery, updateChannelBody } from './channels.schemas';

/** channels.service.ts toPublicChannel: never the secrets, only the settings that are not. */
const channel = z.object({
  warnings: z.array(z.string()).optional().describe('webhook_url_loopback: the webhook address is not reachable from the provider'),
  id: z.uuid(), type: z.enum(CHANNEL_TYPES), name: z.string(),
  config: z.record(z.string(), z.unknown()).describe("The channel's settings without its secrets"),
  status: z.enum(['active', 'pending', 'disabled']).describe('pending until a connection test passes'),
  webhookUrl: z.string().nullable().describe("Where the provider sends this channel's events; null for web chat"),
  health: z.object({ kind: z.string(), code: z.string().nullable(), message: z.string(), severity: z.enum(['info', 'warning', 'critical']), at: z.string() })
    .loose().nullable().describe("The provider's latest notice about the number"),
  createdAt: z.iso.datetime(),
}).loose();

/** connection-check.ts ConnectionResult: what the provider said when asked just now. */
const connection = z.object({
  ok: z.boolean(),
  reason: z.enum(['connected', 'hosted', 'provider_refused', 'unreachable', 'instance_not_open']),
  detail: z.string().describe("The provider's own words, or the number it confirmed"),
  status: z.int().optional().describe("The provider's HTTP status, when it refused"),
  state: z.string().optional().describe("An Evolution instance's state, when it is not open"),
  messagingLimitTier: z.string().optional().describe("WhatsApp's messaging limit tier of the number (TIER_250…), when told"),
}).loose();

/** Creating, testing and enabling ask the provider, and say what it answered. */
const checkedChannel = channel.extend({ connection });

/** channels.service.ts listRejectedEvents: newest first, one item per distinct refused payload. */
const rejectedEvents = z.object({
  items: z.array(z.object({
    id: z.string().describe('Pass the last one as `cursor` for the next page'),
    reason: z.string().describe('Why it could not be used, in plain words'),
    sample: z.unknown().describe('A small, cleaned excerpt of what the provider sent'),
    times: z.int().describe("How often it came (a provider's retries)"),
    firstSeenAt: z.iso.datetime(), lastSeenAt: z.iso.datetime(),
  })),
  nextCursor: z.string().nullable(),
  total: z.int(),
});

export const channelsDocs: RouteDoc[] = [
  { method: 'post', path: '/v1/channels', tag: 'Channels', summary: 'Connect a channel', body: createChannelBody, status: 201, response: checkedChannel },
  { method: 'get', path: '/v1/channels', tag: 'Channels', summary: 'List channels', response: z.object({ items: z.array(channel) }) },
  { method: 'get', path: '/v1/channels/:id', tag: 'Channels', summary: 'One channel', params: channelIdParam, response: channel },
  { method: 'get', path: '/v1/channels/:id/rejected-events', tag: 'Channels', summary: 'Provider events that were refused', params: channelIdParam, query: rejectedEventsQuery, response: rejectedEvents },
  { method: 'patch', path: '/v1/channels/:id', tag: 'Channels', summary: 'Rename or change credentials (checked with the provider)', params: channelIdParam, body: updateChannelBody,
    // A rename alone asks the provider nothing, so only a settings change carries `connection`.
    response: channel.extend({ connection: connection.optional().describe('Present when `config` was changed') }) },
  { method: 'delete', path: '/v1/channels/:id', tag: 'Channels', summary: 'Delete a channel', params: channelIdParam, status: 204 },
  { method: 'post', path: '/v1/channels/:id/test', tag: 'Channels', summary: 'Test the connection with the provider', params: channelIdParam, response: checkedChannel },
  { method: 'post', path: '/v1/channels/:id/disable', tag: 'Channels', summary: 'Stop receiving and sending', params: channelIdParam, response: channel },
  { method: 'post', path: '/v1/channels/:id/enable', tag: 'Channels', summary: 'Receive and send again', params: channelIdParam, response: checkedChannel },
];

const providerChannel = z.object({ channelId: z.uuid() });

/** What a payload became: its items stored (or known already), and those set aside as unusable (GET /v1/channels/{id}/rejected-events). */
const ack = z.object({
  received: z.int().describe('Messages, statuses and account events read from the payload'),
  stored: z.int().describe('New items stored for processing, and delivery statuses applied; an item the provider sends again is not counted again'),
  rejected: z.int().describe('Items that could not be used, set aside: the payload is acknowledged all the same, so the provider does not resend it'),
});

/** Served before express (http/webhook-server.ts); the provider's signature or token stands in for a bearer token. */
export const providerWebhookDocs: RouteDoc[] = [
  {
    method: 'get', path: '/v1/webhooks/whatsapp/:channelId', tag: 'Provider webhooks', public: true, params: providerChannel,
    summary: "Meta's verification handshake: answers hub.challenge when hub.verify_token is the channel's verifyToken (else 403)",
    query: z.object({ 'hub.mode': z.literal('subscribe'), 'hub.verify_token': z.string(), 'hub.challenge': z.string() }),
    responseType: 'text/plain', response: z.string().describe('hub.challenge, as it was sent'),
  },
  { method: 'post', path: '/v1/webhooks/whatsapp/:channelId', tag: 'Provider webhooks', public: true, params: providerChannel,
    summary: "Meta's payloads, X-Hub-Signature-256 checked with the channel's appSecret (else 401)", response: ack },
  { method: 'post', path: '/v1/webhooks/evolution/:channelId', tag: 'Provider webhooks', public: true, params: providerChannel,
    summary: "Evolution API events, the channel's webhookToken checked (else 401); another instance's events (a server-wide webhook) are acknowledged with zeros", response: ack },
];
