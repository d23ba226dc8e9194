// The `api` role: express routes, provider webhooks on the raw fast path, and the realtime gateway.
import { createServer, type Server } from 'node:http';
import type { Express, Request, Router } from 'express';
import { accountsRoutes } from '../accounts/accounts.routes';
import { sessionRole } from '../accounts/sessions';
import { sessionAuthenticator } from '../accounts/authenticate';
import type { AccessClaims } from '../accounts/tokens';
import { providerWebhooks } from '../channels';
import { channelsRoutes } from '../channels/channels.routes';
import { createConnectionCheck } from '../channels/connection-check';
import { conversationsRoutes } from '../conversations/conversations.routes';
import { flowAnalyticsRoutes } from '../flows/flow-analytics.routes';
import { flowsRoutes } from '../flows/flows.routes';
import { healthRoutes, type Readiness } from '../health/health.routes';
import { mediaRoutes } from '../media/media.routes';
import { createApp } from '../http/app';
import { answerClientErrors } from '../http/client-errors';
import { requireAuth } from '../http/auth';
import { createRateLimits } from '../http/rate-limits';
import { withProviderWebhooks } from '../http/webhook-server';
import { createRealtime, type Realtime } from '../realtime/gateway';
import { aiSettingsRoutes } from '../ai/ai-settings.routes';
import { hasAiProvider, serverAiDefaults } from '../ai/ai-provider';
import { webchatRoutes } from '../webchat/webchat.routes';
import { inboxRoutes } from '../inbox/inbox.routes';
import { catchUpRoutes } from '../realtime/catch-up.routes';
import { teamsRoutes } from '../teams/teams.routes';
import { cannedResponsesRoutes } from '../canned-responses/canned-responses.routes';
import { contactsRoutes } from '../contacts/contacts.routes';
import { templatesRoutes } from '../templates/templates.routes';
import { createTemplatesClient } from '../channels/whatsapp/whatsapp.templates.client';
import { campaignsRoutes } from '../campaigns/campaigns.routes';
import { membersRoutes } from '../members/members.routes';
import { auditRoutes } from '../audit/audit.routes';
import { apiKeysRoutes } from '../api-keys/api-keys.routes';
import { apiKeyAuthenticator, eitherCredential } from '../api-keys/api-keys.auth';
import { mailerFor } from '../accounts/mailer';
import { presenceRoutes } from '../presence/presence.routes';
import { socketPresence } from '../presence/presence.service';
import { inboxSettingsRoutes } from '../inbox/inbox-settings.routes';
import { typingSocketHooks } from '../inbox/typing.service';
import { reportsRoutes } from '../reports/reports.routes';
import { gettingStartedRoutes } from '../getting-started/getting-started.routes';
import { webhooksRoutes } from '../webhooks/webhooks.routes';
import { openApiRoutes } from '../openapi/openapi.routes';
import type { Plumbing } from './plumbing';
import { metricsRoutes } from '../metrics/metrics.routes';
import { setQueueDepthSource } from '../metrics/metrics';
import { QUEUES } from '../queues/queue-names';
import { failuresRoutes } from '../operations/failures.routes';
import { queueBoardRoutes } from '../operations/queue-board';
import { whatsappAccountEvents } from './whatsapp-account-events';
import { createWorkspaceShare } from '../http/workspace-share';

/** Requests of one workspace waiting for their turn before more are refused (429). */
const WORKSPACE_MAX_WAITING = 1000;
/** Uploads arrive at the sender's pace and use no database meanwhile: they do not take a workspace's turn. */
const isStreamedUpload = (req: Request) => req.method === 'POST' && ['/v1/media', '/v1/contacts/import'].includes(req.originalUrl.split('?')[0]!);

/** app: the express application, so tests can walk its routes (see http/access.int.test.ts). */
export type ApiServer = { http: Server; realtime: Realtime; app: Express };

/** PUBLIC_URL when set (behind a proxy); otherwise where this server actually listens. */
function publicUrlOf(config: Plumbing['config'], http: Server): string {
  if (config.PUBLIC_URL) return config.PUBLIC_URL.replace(/\/$/, '');
  const address = http.address();
  const port = address && typeof address === 'object' ? address.port : config.PORT;
  return `http://${config.HOST}:${port}`;
}

/** Every express router of the API, in mounting order (openapi.int.test.ts walks them). */
export function apiRouters(p: Plumbing, readiness: Readiness, publicUrl: () => string): Router[] {
  const { config, db, redis, tokens, log } = p;
  const limits = createRateLimits(redis, config);
  const authenticate = eitherCredential(sessionAuthenticator({ db, tokens }), apiKeyAuthenticator({ db, log }));
  const share = createWorkspaceShare({
    limit: config.API_CONCURRENCY_PER_WORKSPACE ?? Math.max(1, Math.floor(config.DATABASE_POOL_MAX / 2)),
    maxWaiting: WORKSPACE_MAX_WAITING,
    exempt: isStreamedUpload,
  });
  const auth = share.wrap(limits.withWorkspaceBudget(requireAuth(authenticate)));
  const typing = { db, emitter: p.emitter, adapters: p.adapters, channels: p.channels, log };
  const mailer = mailerFor(config, log);
  const aiDefaults = serverAiDefaults(config);
  const accountDeps = { db, tokens, limits, refreshTtlDays: config.REFRESH_TOKEN_TTL_DAYS, sockets: p.emitter, mailer, publicUrl };
  return [
    healthRoutes({ db, redis, readiness }),
    metricsRoutes({ token: config.METRICS_TOKEN }),
    queueBoardRoutes({ queues: p.queues, operatorToken: config.OPERATOR_TOKEN }),
    openApiRoutes({ publicUrl: config.PUBLIC_URL }),
    accountsRoutes(accountDeps, auth),
    channelsRoutes({ db, sealer: p.sealer, publicUrl, check: createConnectionCheck(config, p.outbound.workspace), cache: p.channels }, auth),
    flowAnalyticsRoutes({ db }, auth),
    flowsRoutes({ db, sealer: p.sealer, hasAiProvider: (tenantId) => hasAiProvider(db, tenantId, aiDefaults) }, auth),
    conversationsRoutes({ db }, auth),
    inboxRoutes({ ...typing, queues: p.queues }, auth),
    catchUpRoutes({ db }, auth),
    teamsRoutes({ db }, auth),
    cannedResponsesRoutes({ db }, auth),
    contactsRoutes({ db, queues: p.queues, objects: p.objects }, auth),
    templatesRoutes({ db, channels: p.channels, client: createTemplatesClient(config) }, auth),
    campaignsRoutes({ db, queues: p.queues }, auth),
    membersRoutes({ ...accountDeps, presence: p.presence, log }, auth),
    auditRoutes({ db }, auth),
    apiKeysRoutes({ db }, auth),
    presenceRoutes({ db, presence: p.presence, log }, auth),
    inboxSettingsRoutes({ db }, auth),
    reportsRoutes({ db }, auth),
    gettingStartedRoutes({ db }, auth),
    aiSettingsRoutes({ db, sealer: p.sealer, allow: p.allow, defaults: { baseUrl: aiDefaults.baseUrl, model: aiDefaults.model } }, auth),
    mediaRoutes({ db, objects: p.objects }, auth),
    webhooksRoutes(p.webhooks, auth),
    failuresRoutes({ db, queues: p.queues, log }, auth),
    webchatRoutes({ db, channels: p.channels, visitors: p.visitors, ingest: { db, queues: p.queues, log }, typing, objects: p.objects }, auth, limits),
  ];
}

export async function startApiServer(p: Plumbing, readiness: Readiness, clientDistDir: string | undefined): Promise<ApiServer> {
  const { config, db, redis, tokens, log } = p;
  const typing = { db, emitter: p.emitter, adapters: p.adapters, channels: p.channels, log };
  setQueueDepthSource(() =>
    Promise.all(Object.values(QUEUES).map(async (queue) => ({ queue, counts: await p.queues[queue].getJobCounts('waiting', 'active', 'delayed', 'failed') }))),
  );
  const app = createApp({ log, clientDistDir, headers: config, trustProxy: config.TRUST_PROXY, routers: apiRouters(p, readiness, () => publicUrlOf(config, http)) });
  const webhooks = providerWebhooks({ db, queues: p.queues, log, channels: p.channels, accountEvents: whatsappAccountEvents(db) });
  const http = createServer(withProviderWebhooks(app, webhooks, (err) => log.error({ err }, 'webhook handler failed')));
  http.keepAliveTimeout = 65_000;
  answerClientErrors(http);
  const roleNow = (claims: AccessClaims) => sessionRole(db, claims);
  const realtime = createRealtime(http, {
    tokens, sessionRole: roleNow, visitors: p.visitors, log, redis, prefix: config.QUEUE_PREFIX,
    agents: { ...socketPresence({ db, presence: p.presence, log }), agentTyping: typingSocketHooks(typing).agentTyping },
    visitorHooks: { visitorTyping: typingSocketHooks(typing).visitorTyping },
    heartbeatMs: Math.round((config.PRESENCE_TTL_SECONDS * 1000) / 3),
  });
  // Listen before migrating so /health answers while the database catches up.
  await new Promise<void>((resolve, reject) => http.once('error', reject).listen(config.PORT, config.HOST, resolve));
  return { http, realtime, app };
}
