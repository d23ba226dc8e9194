// Channel secrets are sealed at rest and never leave the server: not in API answers, not in logs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { edge, flow, keywordTrigger, node } from '../../test/flow-docs';
import { api, startTestApp } from '../../test/harness';
import { textMessage } from '../../test/fakes/whatsapp-payloads';
import { APP_SECRET, eventually, startPipeline, type Pipeline } from '../../test/pipeline';

let p: Pipeline;
const EVOLUTION_KEY = 'evo-api-key-5f1c2d9e8a7b';
const EVOLUTION_TOKEN = 'evo-webhook-token-77aa11bb';

beforeAll(async () => {
  p = await startPipeline({ LOG_LEVEL: 'debug' }, { appStarter: (env) => startTestApp(env) });
});
afterAll(() => p?.close());

describe('channel secrets', () => {
  it('when channels are created, listed and used, then no token or secret appears in answers, logs or plain columns', async () => {
    const evo = await api(p.app, 'POST', '/v1/channels', {
      type: 'evolution', name: 'Evo', config: { baseUrl: 'http://127.0.0.1:9', instance: 'loja', apiKey: EVOLUTION_KEY, webhookToken: EVOLUTION_TOKEN },
    }, p.token);
    expect(evo.status).toBe(201);
    await p.publish(flow([keywordTrigger('oi'), node('hi', 'message', { text: 'olá' })], [edge('start', 'next', 'hi')]), 'Oi');
    await p.wa.inbound({ waId: '5511300000001' }, textMessage('oi'));
    await eventually(() => p.wa.sends.length === 1);
    await fetch(`${p.app.url}/v1/webhooks/whatsapp/${p.channelId}?hub.mode=subscribe&hub.challenge=1&hub.verify_token=verify-me`);
    await p.wa.inbound({ waId: '5511300000001' }, textMessage('oi'), { secret: 'wrong-secret' });

    const answers = JSON.stringify([evo.body, (await api(p.app, 'GET', '/v1/channels', undefined, p.token)).body, (await api(p.app, 'GET', `/v1/channels/${p.channelId}`, undefined, p.token)).body]);
    const logs = p.app.logs.text();
    expect(logs.length).toBeGreaterThan(0);
    const db = new pg.Client({ connectionString: p.app.config.DATABASE_URL });
    await db.connect();
    const rows = JSON.stringify((await db.query('SELECT config, name, type FROM channels')).rows);
    await db.end();
    for (const secret of ['EAAG-test-access-token-secret', APP_SECRET, 'verify-me', EVOLUTION_KEY, EVOLUTION_TOKEN]) {
      expect(answers).not.toContain(secret);
      expect(logs).not.toContain(secret);
      expect(rows).not.toContain(secret);
    }
    expect(JSON.parse(answers)[1].items.map((c: any) => c.webhookUrl)).toEqual(
      expect.arrayContaining([expect.stringMatching(/\/v1\/webhooks\/whatsapp\/[0-9a-f-]{36}$/), expect.stringMatching(/\/v1\/webhooks\/evolution\/[0-9a-f-]{36}$/)]),
    );
  });
});
