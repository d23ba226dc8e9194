// End-to-end fixtures for the message pipeline: a running app whose WhatsApp Graph API and LLM are
// local fakes, a signed-up workspace with a WhatsApp channel, and helpers to publish flows.
import { afterAll, beforeAll, expect } from 'vitest';
import pg from 'pg';
import type { FlowDocument } from '@zyntra/flows-schema';
import { api, signupWorkspace, startTestApp, type TestApp } from './harness';
import { startFakeLlm, type FakeLlm } from './fakes/fake-llm';
import { phoneNumberIdFor, startFakeWhatsApp, type FakeTemplate, type FakeWhatsApp } from './fakes/fake-whatsapp';
import * as P from './fakes/whatsapp-payloads';

export type Pipeline = {
  app: TestApp;
  wa: FakeWhatsApp;
  llm: FakeLlm;
  token: string;
  tenantId: string;
  channelId: string;
  publish(doc: FlowDocument, name?: string): Promise<{ flowId: string; versionId: string }>;
  republish(flowId: string, doc: FlowDocument): Promise<string>;
  close(): Promise<void>;
};

const ACCESS_TOKEN = 'EAAG-test-access-token-secret';
export const APP_SECRET = 'test-app-secret-value';

type PipelineOptions = {
  appStarter?: (env: Record<string, string>) => Promise<TestApp>;
  /** More of the WhatsApp channel's config, e.g. a number's higher `messagesPerSecond` tier. */
  channelConfig?: Record<string, string>;
};

export async function startPipeline(env: Record<string, string> = {}, opts: PipelineOptions = {}): Promise<Pipeline> {
  let webhookUrl = '';
  const wa = await startFakeWhatsApp({ accessToken: ACCESS_TOKEN, appSecret: APP_SECRET, webhookUrl: () => webhookUrl });
  const llm = await startFakeLlm();
  const fullEnv = { WHATSAPP_GRAPH_BASE_URL: wa.baseUrl, LLM_BASE_URL: llm.baseUrl, LLM_API_KEY: 'sk-test', ...env };
  const app = await (opts.appStarter ?? ((e) => startTestApp(e)))(fullEnv);
  const s = await signupWorkspace(app);
  const channel = await api(app, 'POST', '/v1/channels', {
    type: 'whatsapp_cloud',
    name: 'Loja WhatsApp',
    config: { phoneNumberId: phoneNumberIdFor, businessAccountId: 'WABA-1', accessToken: ACCESS_TOKEN, appSecret: APP_SECRET, verifyToken: 'verify-me', ...opts.channelConfig },
  }, s.token);
  if (channel.status !== 201) throw new Error(`channel: ${channel.status} ${JSON.stringify(channel.body)}`);
  webhookUrl = `${app.url}/v1/webhooks/whatsapp/${channel.body.id}`;

  return {
    app, wa, llm, token: s.token, tenantId: s.workspace.id, channelId: channel.body.id,
    ...publisher(app, s.token),
    async close() {
      await app.close();
      await Promise.all([wa.close(), llm.close()]);
    },
  };
}

/** Creates and publishes flows as a workspace's owner. */
function publisher(app: TestApp, token: string): Pick<Pipeline, 'publish' | 'republish'> {
  const publishExisting = async (flowId: string) => {
    const res = await api(app, 'POST', `/v1/flows/${flowId}/publish`, {}, token);
    if (res.status !== 201) throw new Error(`publish: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.version.id as string;
  };
  return {
    async publish(doc, name = 'Fluxo') {
      const created = await api(app, 'POST', '/v1/flows', { name, document: doc }, token);
      if (created.status !== 201) throw new Error(`create flow: ${created.status}`);
      return { flowId: created.body.id, versionId: await publishExisting(created.body.id) };
    },
    async republish(flowId, doc) {
      const saved = await api(app, 'PUT', `/v1/flows/${flowId}`, { document: doc }, token);
      if (saved.status !== 200) throw new Error(`save flow: ${saved.status}`);
      return publishExisting(flowId);
    },
  };
}

/**
 * Another workspace on the pipeline's app and fake Graph API, with its own WhatsApp number: it
 * publishes its own flows, and its customers' messages arrive signed as Meta sends them.
 */
export async function otherWorkspace(p: Pipeline, name: string, phoneNumberId: string) {
  const s = await signupWorkspace(p.app, name);
  const channel = await api(p.app, 'POST', '/v1/channels', {
    type: 'whatsapp_cloud', name, config: { phoneNumberId, businessAccountId: `WABA-${phoneNumberId}`, accessToken: ACCESS_TOKEN, appSecret: APP_SECRET, verifyToken: `verify-${phoneNumberId}` },
  }, s.token);
  if (channel.status !== 201) throw new Error(`channel: ${channel.status} ${JSON.stringify(channel.body)}`);
  return {
    token: s.token, tenantId: s.workspace.id, channelId: channel.body.id as string, phoneNumberId,
    ...publisher(p.app, s.token),
    /** A customer's message: text, or a message object (an image…). */
    async inbound(waId: string, message: string | Record<string, unknown>) {
      const raw = P.metaJson(P.envelope(phoneNumberId, P.messageValue({ waId }, typeof message === 'string' ? P.textMessage(message) : message)));
      const res = await fetch(`${p.app.url}/v1/webhooks/whatsapp/${channel.body.id}`, {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': P.signMeta(raw, APP_SECRET) }, body: raw,
      });
      if (res.status !== 200) throw new Error(`webhook: ${res.status}`);
    },
  };
}

/**
 * One pipeline, with a connection to its database, shared by all the tests of a file and stopped after the last
 * (`opts.appStarter` starts its app, e.g. with the built client for browser tests).
 */
export function pipelineForFile(ready: (started: { pipeline: Pipeline; db: pg.Client }) => unknown, opts: Parameters<typeof startPipeline>[1] = {}): void {
  let pipeline: Pipeline | undefined;
  let db: pg.Client | undefined;
  beforeAll(async () => {
    pipeline = await startPipeline({}, opts);
    db = new pg.Client({ connectionString: pipeline.app.config.DATABASE_URL });
    await db.connect();
    await ready({ pipeline, db });
  });
  afterAll(async () => {
    await db?.end();
    await pipeline?.close();
  });
}

/** The channel's WhatsApp Business account gets `templates` (approved or not, as given), and the owner syncs them into the channel. */
export async function syncTemplates(p: Pipeline, ...templates: FakeTemplate[]): Promise<void> {
  for (const t of templates) p.wa.addTemplate(t);
  expect((await api(p.app, 'POST', `/v1/channels/${p.channelId}/templates/sync`, {}, p.token)).status).toBe(200);
}

/** Polls until `check` returns a truthy value (or throws the last failure on timeout). */
export async function eventually<T>(check: () => Promise<T | undefined | null | false> | T | undefined | null | false, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as T;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const sentTexts = (wa: FakeWhatsApp, to?: string) =>
  wa.sends.filter((s) => !to || s.body.to === to).map((s) => s.body.text?.body ?? s.body.interactive?.body?.text ?? '');
