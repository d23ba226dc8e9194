// Campaigns against a slow Graph API: one send per recipient whether Meta answers late but within
// the provider timeout or not at all in time, and one runner per campaign while it waits. The
// provider timeout and the campaign lock are shortened (all campaign leases derive from them) so a
// "slow" answer takes seconds, not half a minute.
import { describe, expect, it } from 'vitest';
import { cleanupsAfterEach } from '../../test/cleanups';
import { query } from '../../test/db';
import { api, startTestApp } from '../../test/harness';
import { eventually, startPipeline, type Pipeline } from '../../test/pipeline';
import type { CampaignTiming } from './send-timing';

const cleanups = cleanupsAfterEach();

const TEMPLATE = { name: 'aviso', language: 'pt_BR', parameters: {}, text: 'Aviso da loja' };
const phones = (n: number) => Array.from({ length: n }, (_, i) => `55119${String(70_000_000 + i)}`);

async function slowPipeline(timing: Partial<CampaignTiming>, answerMs: number): Promise<Pipeline> {
  const p = await startPipeline({}, { appStarter: (env) => startTestApp(env, { sweepIntervalMs: 500, campaignTiming: timing }) });
  cleanups.push(() => p.close());
  p.wa.addTemplate({ name: 'aviso', language: 'pt_BR', status: 'APPROVED', bodyParams: 0 });
  p.wa.answerAfter(() => answerMs);
  return p;
}

/** Starts a campaign to `to` at 4 messages/s (one per batch, at most 4 batches in flight) and waits for it to end. */
async function runCampaign(p: Pipeline, to: string[]) {
  const created = await api(p.app, 'POST', '/v1/campaigns', { name: 'Lenta', channelId: p.channelId, template: TEMPLATE, audience: { phones: to }, window: { start: '00:00', end: '24:00' }, messagesPerSecond: 4 }, p.token);
  expect(created.status).toBe(201);
  await api(p.app, 'POST', `/v1/campaigns/${created.body.id}/start`, {}, p.token);
  return eventually(async () => {
    const c = (await api(p.app, 'GET', `/v1/campaigns/${created.body.id}`, undefined, p.token)).body;
    return c.status === 'completed' ? c : null;
  }, 60_000);
}

/** Each number got exactly one send, and its one message names the id WhatsApp gave that send. */
async function expectOneSendEach(p: Pipeline, to: string[]) {
  expect(to.map((x) => [x, p.wa.sendsTo(x).length])).toEqual(to.map((x) => [x, 1]));
  const stored = await query(p.app.config.DATABASE_URL, `SELECT provider_message_id AS pid FROM messages WHERE tenant_id = $1 AND type = 'template'`, [p.tenantId]);
  expect(stored.map((m) => m.pid).sort()).toEqual(p.wa.sends.map((s) => s.id).sort());
}

describe('a campaign on a slow provider', () => {
  it('when WhatsApp answers each send just inside the provider timeout, then each recipient gets one send and one runner sends at a time', async () => {
    const answerMs = 4_200;
    const p = await slowPipeline({ providerTimeoutMs: 5_000, lockMs: 1_000 }, answerMs);
    const to = phones(8);
    const done = await runCampaign(p, to);
    expect(done.counts).toMatchObject({ total: 8, sent: 8, pending: 0, failed: 0 });
    await expectOneSendEach(p, to);
    // One runner keeps at most 4 batches of one in flight; a second one beside it (its lock lapsed
    // while it waited on the provider) sends more at once.
    const inFlight = p.wa.sends.map((s) => p.wa.sends.filter((o) => o.at <= s.at && o.at > s.at - answerMs).length);
    expect(Math.max(...inFlight)).toBeLessThanOrEqual(4);
  }, 90_000);

  it('when WhatsApp takes each send but answers after the provider timeout, then its status settles the send and it is not sent again', async () => {
    const p = await slowPipeline({ providerTimeoutMs: 2_500, lockMs: 1_000 }, 3_000);
    const to = phones(4);
    const done = await runCampaign(p, to);
    expect(done.counts).toMatchObject({ total: 4, sent: 4, pending: 0, failed: 0 });
    await expectOneSendEach(p, to);
  }, 90_000);
});
