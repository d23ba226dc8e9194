// GET /metrics scraped the way Prometheus does, after a real message went through the pipeline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { edge, flow, keywordTrigger, node } from '../../test/flow-docs';
import { textMessage } from '../../test/fakes/whatsapp-payloads';
import { eventually, sentTexts, startPipeline, type Pipeline } from '../../test/pipeline';
import { startTestApp } from '../../test/harness';

const TOKEN = 'metrics-token-0123456789abcdef';
let p: Pipeline;

beforeAll(async () => {
  p = await startPipeline({ METRICS_TOKEN: TOKEN });
  await p.publish(flow([keywordTrigger('oi'), node('hello', 'message', { text: 'Olá!' })], [edge('start', 'next', 'hello')]), 'Oi');
});
afterAll(async () => {
  await p?.close();
});

const scrape = (auth?: string) => fetch(`${p.app.url}/metrics`, { headers: auth ? { authorization: auth } : {} });

describe('GET /metrics', () => {
  it('when a scraper has no token or a wrong one, then 401 and no metrics', async () => {
    for (const auth of [undefined, 'Bearer wrong', `Basic ${TOKEN}`]) {
      const res = await scrape(auth);
      expect(res.status).toBe(401);
      expect(await res.text()).not.toContain('zyntra_');
    }
  });

  it('when a message was answered, then the HTTP, webhook, queue, job, engine and send series are there', async () => {
    const waId = '5511977770001';
    await p.wa.inbound({ waId }, textMessage('oi'));
    await eventually(() => sentTexts(p.wa, waId).length === 1);
    await new Promise((r) => setTimeout(r, 200));
    const res = await scrape(`Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const body = await res.text();
    expect(body).toMatch(/zyntra_webhook_ack_duration_ms_count\{provider="whatsapp",status="200"\} [1-9]/);
    expect(body).toMatch(/zyntra_http_request_duration_ms_count\{method="POST",route="\/v1\/webhooks\/whatsapp\/:channelId",status="200"\} [1-9]/);
    expect(body).toMatch(/zyntra_http_request_duration_ms_count\{method="POST",route="\/v1\/flows\/:id\/publish",status="201"\} [1-9]/);
    expect(body).toMatch(/zyntra_queue_jobs\{queue="inbound",state="waiting"\} \d+/);
    expect(body).toMatch(/zyntra_queue_jobs\{queue="send",state="failed"\} \d+/);
    expect(body).toMatch(/zyntra_job_duration_ms_count\{queue="inbound",outcome="completed"\} [1-9]/);
    expect(body).toMatch(/zyntra_engine_steps_total\{outcome="[a-z_]+"\} [1-9]/);
    expect(body).toMatch(/zyntra_sends_total\{provider="whatsapp_cloud",outcome="sent",code=""\} [1-9]/);
    expect(body).toContain('zyntra_realtime_connections');
    // Route patterns, never raw ids: the series stay bounded.
    expect(body).not.toContain(p.channelId);
  });

  it('when replies are sent, then they leave from the process that drained them, with no send job', async () => {
    const series = async () => {
      const body = await (await scrape(`Bearer ${TOKEN}`)).text();
      const value = (re: RegExp) => Number(body.match(re)?.[1] ?? 0);
      return {
        sendJobs: value(/zyntra_job_duration_ms_count\{queue="send",outcome="completed"\} (\d+)/),
        sent: value(/zyntra_sends_total\{provider="whatsapp_cloud",outcome="sent",code=""\} (\d+)/),
      };
    };
    const before = await series();
    const waIds = ['5511977770011', '5511977770012', '5511977770013'];
    for (const waId of waIds) await p.wa.inbound({ waId }, textMessage('oi'));
    await eventually(() => waIds.every((waId) => sentTexts(p.wa, waId).length === 1));
    const after = await series();
    expect(after.sent - before.sent).toBe(3);
    expect(after.sendJobs - before.sendJobs).toBe(0);
  });
});

describe('GET /metrics of a worker-only process', () => {
  it('when ROLE=worker, then its own port serves the queue, job and send series behind the same token', async () => {
    const c = p.app.config;
    const worker = await startTestApp({ ROLE: 'worker', PORT: '0', DATABASE_URL: c.DATABASE_URL, REDIS_URL: c.REDIS_URL, QUEUE_PREFIX: c.QUEUE_PREFIX, METRICS_TOKEN: TOKEN });
    try {
      expect(worker.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(worker.url).not.toBe(p.app.url);
      expect((await fetch(`${worker.url}/metrics`)).status).toBe(401);
      expect((await fetch(`${worker.url}/v1/me`)).status).toBe(404); // no API here
      const waId = '5511977770002';
      await p.wa.inbound({ waId }, textMessage('oi'));
      await eventually(() => sentTexts(p.wa, waId).length === 1);
      const res = await fetch(`${worker.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(res.status).toBe(200);
      const body = await res.text();
      expect(body).toMatch(/zyntra_queue_jobs\{queue="inbound",state="waiting"\} \d+/);
        expect(body).toMatch(/zyntra_sends_total\{provider="whatsapp_cloud",outcome="sent",code=""\} [1-9]/);
    } finally {
      await worker.close();
    }
  });
});
