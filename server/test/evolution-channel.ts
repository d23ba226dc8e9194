// End-to-end fixture for the Evolution API channel: a running app, a local fake Evolution server on
// the loopback (allow-listed, as a channel may reach it only then), a signed-up workspace with an
// Evolution channel pointing at it, and a connection to the app's database; the fake's webhooks reach
// the channel and the app's sends reach the fake.
import { afterAll, beforeAll } from 'vitest';
import pg from 'pg';
import { api, signupWorkspace, startTestApp, type TestApp } from './harness';
import { startFakeEvolution, type FakeEvolution } from './fakes/fake-evolution';

export const EVOLUTION_API_KEY = 'evo-instance-api-key';
export const EVOLUTION_WEBHOOK_TOKEN = 'zyntra-webhook-token-123';

export type EvolutionChannel = {
  app: TestApp;
  evo: FakeEvolution;
  db: pg.Client;
  token: string;
  channelId: string;
  /** The channel's webhook address on the app, as the fake posts to it. */
  webhookUrl: string;
  /** What creating the channel answered. */
  created: { status: number; body: any };
};

type Options = { instance?: string; workspaceName?: string; channelName?: string };

/** One Evolution channel shared by all the tests of a file, stopped after the last. */
export function evolutionChannelForFile(ready: (started: EvolutionChannel) => unknown, opts: Options = {}): void {
  const instance = opts.instance ?? 'loja1';
  let webhookUrl = '';
  let evo: FakeEvolution | undefined;
  let app: TestApp | undefined;
  let db: pg.Client | undefined;
  beforeAll(async () => {
    evo = await startFakeEvolution({ apiKey: EVOLUTION_API_KEY, instance, webhookUrl: () => webhookUrl, webhookToken: () => EVOLUTION_WEBHOOK_TOKEN });
    app = await startTestApp({ OUTBOUND_ALLOW_HOSTS: '127.0.0.1' });
    const s = await signupWorkspace(app, opts.workspaceName);
    const created = await api(app, 'POST', '/v1/channels', {
      type: 'evolution', name: opts.channelName ?? 'Loja Evolution',
      config: { baseUrl: evo.baseUrl, instance, apiKey: EVOLUTION_API_KEY, webhookToken: EVOLUTION_WEBHOOK_TOKEN },
    }, s.token);
    if (created.status !== 201) throw new Error(`channel: ${created.status} ${JSON.stringify(created.body)}`);
    webhookUrl = `${app.url}/v1/webhooks/evolution/${created.body.id}`;
    db = new pg.Client({ connectionString: app.config.DATABASE_URL });
    await db.connect();
    await ready({ app, evo, db, token: s.token, channelId: created.body.id, webhookUrl, created });
  });
  afterAll(async () => {
    await db?.end();
    await app?.close();
    await evo?.close();
  });
}
