// GET /v1/openapi.json: the OpenAPI 3.1 document of the public API, generated from the zod schemas
// the routes parse with (each module's <m>.openapi.ts lists its routes). openapi.int.test.ts fails
// when an express route under /v1 is missing here.
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { accountsDocs } from '../accounts/accounts.openapi';
import { aiSettingsDocs } from '../ai/ai-settings.openapi';
import { apiKeysDocs } from '../api-keys/api-keys.openapi';
import { auditDocs } from '../audit/audit.openapi';
import { channelsDocs, providerWebhookDocs } from '../channels/channels.openapi';
import { contactsDocs } from '../contacts/contacts.openapi';
import { conversationsDocs } from '../conversations/conversations.openapi';
import { flowsDocs } from '../flows/flows.openapi';
import { inboxDocs } from '../inbox/inbox.openapi';
import { mediaDocs } from '../media/media.openapi';
import { membersDocs } from '../members/members.openapi';
import { failuresDocs } from '../operations/failures.openapi';
import { catchUpDocs } from '../realtime/catch-up.openapi';
import { templatesDocs } from '../templates/templates.openapi';
import { campaignsDocs } from '../campaigns/campaigns.openapi';
import { reportsDocs } from '../reports/reports.openapi';
import { gettingStartedDocs } from '../getting-started/getting-started.openapi';
import { teamsDocs } from '../teams/teams.openapi';
import { webchatDocs } from '../webchat/webchat.openapi';
import { describeWebhookEvents } from '../webhooks/webhook-events.openapi';
import { webhooksDocs } from '../webhooks/webhooks.openapi';
import { describeRoutes, type AccessOf, type RouteDoc } from './describe';

/** The shape of this document, as far as a client relies on it (the rest is OpenAPI 3.1's). */
const openApiDocument = z.object({
  openapi: z.literal('3.1.0'), info: z.object({ title: z.string(), version: z.string() }).loose(),
  paths: z.record(z.string(), z.object({}).loose()).describe('Keyed by path, `{id}` for a path parameter'),
  components: z.object({ securitySchemes: z.object({}).loose() }).loose(),
}).loose().describe('An OpenAPI 3.1 document');

export const ROUTE_DOCS: readonly RouteDoc[] = [
  { method: 'get', path: '/v1/openapi.json', tag: 'API', summary: 'This document', public: true, response: openApiDocument },
  ...accountsDocs, ...channelsDocs, ...providerWebhookDocs, ...flowsDocs, ...conversationsDocs, ...inboxDocs, ...contactsDocs, ...teamsDocs, ...membersDocs,
  ...mediaDocs, ...catchUpDocs, ...reportsDocs, ...gettingStartedDocs, ...aiSettingsDocs, ...webchatDocs, ...webhooksDocs, ...apiKeysDocs, ...auditDocs, ...failuresDocs, ...templatesDocs, ...campaignsDocs,
];

/** What a client needs before its first call: how to authenticate, what a body is, what each error means. */
const DESCRIPTION = [
  'WhatsApp chatbots and a team inbox.',
  '',
  'Send `Authorization: Bearer <token>`: a member\'s session token (`POST /v1/auth/login`) or a workspace API key (`zk_…`, made under Settings → API keys or with `POST /v1/api-keys`), which acts with the role it was given. Each operation lists the roles that may call it (`x-roles`, and its description). Request bodies are JSON, sent with `Content-Type: application/json`, unless an operation names another type.',
  '',
  'Errors are `{"error": {"code", "message", …}}`: 400 `validation_failed` (with `issues`, each with its field\'s `path`, when the body or query does not fit the schema; a rule checked beyond the schema names `field` or `reason` instead) or `bad_request` (a body that is not valid JSON); 401 `unauthorized` (no token, or one expired, revoked or unknown); 403 `forbidden` (the role may not use the route); 404 `not_found` (unknown, or another workspace\'s; a path no route has); 405 `method_not_allowed` (a path that exists, asked with a method it does not take: the `Allow` header lists those it takes); 409 `conflict` or `limit_reached`; 422 for an invalid flow or a closed WhatsApp window; 429 `rate_limited`, with a `Retry-After` header and `retryAfterSeconds`, when the workspace has used its budget of requests per minute (shared by all its sessions and keys; `RATE_LIMIT_API_PER_WORKSPACE`, 3,000 by default).',
  '',
  'Outbound webhooks are signed per Standard Webhooks; `webhooks` below describes each event an endpoint receives.',
].join('\n');

/**
 * Where "Try it" and generated clients send requests: PUBLIC_URL, the address channels' webhookUrl
 * is built on. Without it, '/' (the address the document was read from) rather than where the server
 * listens, which a proxy or the browser's own host name may not reach.
 */
export const serversFor = (publicUrl: string | undefined) => [
  publicUrl
    ? { url: publicUrl.replace(/\/+$/, ''), description: 'This Zyntra server (PUBLIC_URL)' }
    : { url: '/', description: 'This Zyntra server, at the address this document was read from (PUBLIC_URL is not set)' },
];

export function buildOpenApiDocument(opts: { publicUrl?: string; accessOf?: AccessOf } = {}) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http', scheme: 'bearer', description: 'A session token (POST /v1/auth/login) or a workspace API key',
  });
  registry.registerComponent('securitySchemes', 'visitor', {
    type: 'http', scheme: 'bearer', description: "A web-chat visitor's token (POST /v1/webchat/{channelId}/sessions), for that visitor's own chat only",
  });
  describeRoutes(registry, ROUTE_DOCS, opts.accessOf);
  describeWebhookEvents(registry);
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Zyntra API',
      version: '1',
      description: DESCRIPTION,
    },
    servers: serversFor(opts.publicUrl),
  });
}
