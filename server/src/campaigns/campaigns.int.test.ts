// Campaigns against the fake Graph API: per-recipient outcomes, exactly one send per recipient
// (also when the worker is SIGKILLed mid-campaign), pause within a second, opt-outs, replies
// answered by the campaign's flow, roles and tenants.
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import knexFactory from 'knex';
import { addAgent } from '../../test/agents';
import { cleanupsAfterEach } from '../../test/cleanups';
import { query } from '../../test/db';
import { edge, flow, node } from '../../test/flow-docs';
import { api, signupWorkspace, startTestApp } from '../../test/harness';
import { textMessage } from '../../test/fakes/whatsapp-payloads';
import { eventually, otherWorkspace, sentTexts, startPipeline, type Pipeline } from '../../test/pipeline';
import { spawnWorker } from '../../test/worker-process';
import { ensureConversation, recordSent } from './recipients.queries';

const cleanups = cleanupsAfterEach();

const sql = (p: Pipeline, text: string, params: unknown[] = []) => query(p.app.config.DATABASE_URL, text, params);

const phoneOf = (i: number) => `55119${String(i).padStart(8, '0')}`;
const ALWAYS = { start: '00:00', end: '24:00' };
const TEMPLATE = { name: 'promo_dezembro', language: 'pt_BR', parameters: { body: ['{{contact.name}}', '{{cidade}}'] }, text: 'Olá {{1}}, ofertas em {{2}}!' };

/** `n` contacts tagged "vip" on the pipeline's channel, named Cliente <i>, with a city attribute. */
async function seedContacts(p: Pipeline, n: number, optedOut: number[] = []): Promise<void> {
  await sql(
    p,
    `INSERT INTO contacts (tenant_id, channel_id, external_id, phone, name, tags, attributes, opted_out_at)
     SELECT $1, $2, '55119' || lpad(i::text, 8, '0'), '55119' || lpad(i::text, 8, '0'), 'Cliente ' || i, '{vip}',
       jsonb_build_object('cidade', 'Recife'), CASE WHEN i = ANY($4::int[]) THEN now() END
     FROM generate_series(0, $3 - 1) i`,
    [p.tenantId, p.channelId, n, optedOut],
  );
}

async function createCampaign(p: Pipeline, extra: Record<string, unknown> = {}) {
  const res = await api(p.app, 'POST', '/v1/campaigns', { name: 'Dezembro', channelId: p.channelId, template: TEMPLATE, audience: { tags: ['vip'] }, window: ALWAYS, ...extra }, p.token);
  expect(res.status).toBe(201);
  return res.body.id as string;
}

/** One more "vip" contact, added after scheduling and before the start. */
const seedMore = (p: Pipeline) =>
  sql(p, `INSERT INTO contacts (tenant_id, channel_id, external_id, phone, name, tags, attributes) VALUES ($1, $2, '5511900009999', '5511900009999', 'Nova', '{vip}', '{"cidade": "Olinda"}')`, [p.tenantId, p.channelId]);

const get = async (p: Pipeline, id: string) => (await api(p.app, 'GET', `/v1/campaigns/${id}`, undefined, p.token)).body;

async function allRecipients(p: Pipeline, id: string) {
  const items: any[] = [];
  let cursor: string | null = null;
  do {
    const res: any = await api(p.app, 'GET', `/v1/campaigns/${id}/recipients?limit=200${cursor ? `&cursor=${cursor}` : ''}`, undefined, p.token);
    expect(res.status).toBe(200);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return items;
}

/** 1,000 recipients: 5 opted out; 131049, 131050, 130472 for 10 each; 131056 twice for 10. */
const N = 1000;
const OPTED = [0, 1, 2, 3, 4];
const INJECT: Array<[number, number, number?]> = [
  ...Array.from({ length: 10 }, (_, k): [number, number] => [100 + k, 131049]),
  ...Array.from({ length: 10 }, (_, k): [number, number] => [200 + k, 131050]),
  ...Array.from({ length: 10 }, (_, k): [number, number] => [300 + k, 130472]),
  ...Array.from({ length: 10 }, (_, k): [number, number, number] => [400 + k, 131056, 2]),
];

/**
 * `pairRateOnce`: the 131056 recipients are refused once instead of twice (the first test keeps
 * twice). Their backoff is 4^attempts units and a claim a SIGKILL cut short still counts as an
 * attempt, so in about half the runs one of them waited 64 units after its second refusal instead of 16.
 */
function prepareInjections(p: Pipeline, o: { pairRateOnce?: boolean } = {}) {
  p.wa.addTemplate({ name: 'promo_dezembro', language: 'pt_BR', status: 'APPROVED', bodyParams: 2 });
  for (const [i, code, times] of INJECT) p.wa.failFor(phoneOf(i), code, code === 131056 && o.pairRateOnce ? 1 : times);
}

async function expectOutcomes(p: Pipeline, id: string) {
  const byPhone = new Map((await allRecipients(p, id)).map((r) => [r.contact.phone as string, r]));
  expect(byPhone.size).toBe(N);
  const expected = (i: number) => {
    if (OPTED.includes(i)) return ['skipped', 'opted_out'];
    const inj = INJECT.find(([j]) => j === i);
    if (inj?.[1] === 131049) return ['failed', 'marketing_limit'];
    if (inj?.[1] === 131050) return ['failed', 'marketing_stopped'];
    if (inj?.[1] === 130472) return ['failed', 'marketing_experiment'];
    return ['sent', null];
  };
  for (let i = 0; i < N; i++) {
    const r = byPhone.get(phoneOf(i))!;
    expect([i, r.status, r.reason]).toEqual([i, ...expected(i)]);
    // Exactly one accepted send per recipient, none to the opted out.
    expect([i, p.wa.sendsTo(phoneOf(i)).length]).toEqual([i, OPTED.includes(i) ? 0 : 1]);
  }
  // A 131050 opts the contact out in the transaction that stores the failed status (or, when the
  // status came before the send was recorded, in the one that records it): every one is there,
  // also after a SIGKILL, once the statuses are processed.
  const optedOut = async () => (await sql(p, `SELECT count(*)::int AS n FROM contacts WHERE tenant_id = $1 AND opted_out_at IS NOT NULL`, [p.tenantId]))[0].n as number;
  await eventually(async () => ((await optedOut()) >= OPTED.length + 10 ? true : null), 30_000).catch(() => undefined);
  expect(await optedOut()).toBe(OPTED.length + 10);
  const via = await sql(p, `SELECT opted_out_via AS via, count(*)::int AS n FROM contacts WHERE tenant_id = $1 AND opted_out_at IS NOT NULL GROUP BY 1`, [p.tenantId]);
  expect(via.find((x) => x.via === 'whatsapp_131050')?.n).toBe(10);
  const dup = await sql(p, `SELECT count(*)::int AS n FROM messages WHERE tenant_id = $1 AND type = 'template'`, [p.tenantId]);
  expect(dup[0].n).toBe(N - OPTED.length);
  // Integrators hear of each campaign message and each conversation it opened once, as of a bot's.
  const announced = async (type: string, key: string, table: string, where: string) =>
    (await sql(p, `SELECT count(*)::int AS events, count(DISTINCT e.payload->>'${key}')::int AS distinct_ids,
         (SELECT count(*)::int FROM ${table} WHERE tenant_id = $1 AND ${where}) AS rows
       FROM domain_events e WHERE e.tenant_id = $1 AND e.type = '${type}'`, [p.tenantId]))[0];
  expect(await announced('message.sent', 'messageId', 'messages', "type = 'template'")).toEqual({ events: N - OPTED.length, distinct_ids: N - OPTED.length, rows: N - OPTED.length });
  expect(await announced('conversation.created', 'conversationId', 'conversations', 'outreach_campaign_id IS NOT NULL')).toEqual({ events: N - OPTED.length, distinct_ids: N - OPTED.length, rows: N - OPTED.length });
  const body = p.wa.sendsTo(phoneOf(7))[0]!.body;
  expect(body.template.components[0].parameters.map((x: any) => x.text)).toEqual(['Cliente 7', 'Recife']);
}

/**
 * The pair-rate back-off (4^attempts units) in tenths of a second instead of seconds: the 131056
 * recipients are tried again after 0.4 s and 1.6 s instead of 4 s and 16 s, which held the campaign
 * open for 20 s after its other sends were over. They are still refused, put back and sent once.
 */
const PAIR_BACKOFF = { pairBackoffUnitMs: 100 };

/**
 * The spawned workers' provider deadline and campaign lock, shortened as slow-provider.int does (a
 * recipient's lease is twice the deadline): a SIGKILLed worker's claimed recipients are claimed
 * again 20 s after their claim instead of 50 s, while the rest are still being sent, and its
 * campaign is taken over 3 s after its lock's last renewal instead of 10 s. A call cut at the
 * deadline still has as long again for its status to arrive, with room for a loaded machine.
 */
const KILLED_WORKER_TIMING = { providerTimeoutMs: 10_000, lockMs: 3_000, ...PAIR_BACKOFF };

/**
 * The number on a higher Meta tier (250 messages/s, so 200/s for campaigns): the 1,000 sends are
 * no longer held to 64/s (16 s) but only to how fast the machine stores them and their statuses.
 * What is held to (each recipient's outcome, exactly one send) does not depend on the pace; a set
 * pace is held to by the pause test below.
 */
const FAST_NUMBER = { channelConfig: { messagesPerSecond: '250' } };

const settled = async (p: Pipeline, id: string) => {
  const c = await get(p, id);
  const failed = c.counts.failed;
  return c.status === 'completed' && failed === 30 ? c : null;
};

describe('a 1,000-recipient campaign', () => {
  it('when the provider answers 131049, 131050, 130472 and 131056 for some, then each recipient ends in its state with exactly one send', async () => {
    const p = await startPipeline({}, { ...FAST_NUMBER, appStarter: (env) => startTestApp(env, { campaignTiming: PAIR_BACKOFF }) });
    cleanups.push(() => p.close());
    prepareInjections(p);
    await seedContacts(p, N, OPTED);
    const id = await createCampaign(p);
    expect((await get(p, id)).status).toBe('draft');
    const started = await api(p.app, 'POST', `/v1/campaigns/${id}/start`, {}, p.token);
    expect(started.body).toEqual({ id, status: 'running' });
    const done = await eventually(() => settled(p, id), 120_000);
    expect(done.counts).toMatchObject({ total: N, pending: 0, sent: N - 5 - 30, failed: 30, skipped: 5 });
    await expectOutcomes(p, id);
  }, 180_000);

  it('when the worker is SIGKILLed mid-campaign and restarted, then every recipient still gets exactly one send', async () => {
    const p = await startPipeline({}, { appStarter: (env) => startTestApp({ ...env, ROLE: 'api' }) });
    cleanups.push(() => p.close());
    prepareInjections(p, { pairRateOnce: true });
    await seedContacts(p, N, OPTED);
    const id = await createCampaign(p);
    const worker = spawnWorker(p.app, cleanups, { campaignTiming: KILLED_WORKER_TIMING });
    await api(p.app, 'POST', `/v1/campaigns/${id}/start`, {}, p.token);
    await eventually(() => p.wa.sends.length >= 300, 90_000);
    worker.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 300));
    spawnWorker(p.app, cleanups, { campaignTiming: KILLED_WORKER_TIMING });
    await eventually(() => settled(p, id), 150_000);
    await expectOutcomes(p, id);
  }, 300_000);
});

describe('a send settled from its echo after the sender died', () => {
  it('when the echo is a 131050 failure, then the message, its failure event and the opt-out are written together', async () => {
    const p = await startPipeline();
    cleanups.push(() => p.close());
    await seedContacts(p, 1);
    const db = knexFactory({ client: 'pg', connection: p.app.config.DATABASE_URL, pool: { min: 0, max: 2 } });
    cleanups.push(() => db.destroy());
    const [contact] = await sql(p, 'SELECT id FROM contacts WHERE tenant_id = $1', [p.tenantId]);
    const conversationId = await ensureConversation(db, p.tenantId, p.channelId, contact.id);
    const messageId = randomUUID();
    await recordSent(
      db,
      { tenantId: p.tenantId, recipientId: randomUUID(), messageId, conversationId, channelId: p.channelId, flowId: null },
      { providerMessageId: 'wamid.echo', text: 'Olá', payload: {}, status: 'failed', error: '131050: User has stopped marketing messages from this business.' },
    );
    const [c] = await sql(p, 'SELECT opted_out_at, opted_out_via FROM contacts WHERE id = $1', [contact.id]);
    expect(c.opted_out_at).not.toBeNull();
    expect(c.opted_out_via).toBe('whatsapp_131050');
    const events = await sql(p, "SELECT type, payload FROM domain_events WHERE tenant_id = $1 AND type IN ('message.failed', 'contact.opted_out') ORDER BY id", [p.tenantId]);
    expect(events.map((e) => e.type)).toEqual(['message.failed', 'contact.opted_out']);
    expect(events[0].payload).toMatchObject({ messageId, conversationId, code: '131050' });
  }, 60_000);
});

describe('campaign control', () => {
  it('when a running campaign is paused, then no send leaves after one second, and resume finishes it', async () => {
    const p = await startPipeline();
    cleanups.push(() => p.close());
    p.wa.addTemplate({ name: 'promo_dezembro', language: 'pt_BR', status: 'APPROVED', bodyParams: 2 });
    await seedContacts(p, 300);
    const id = await createCampaign(p, { messagesPerSecond: 40 });
    await api(p.app, 'POST', `/v1/campaigns/${id}/start`, {}, p.token);
    await eventually(() => p.wa.sends.length >= 40, 30_000);
    const pausedAt = Date.now();
    expect((await api(p.app, 'POST', `/v1/campaigns/${id}/pause`, {}, p.token)).body).toEqual({ id, status: 'paused' });
    await new Promise((r) => setTimeout(r, 2_500));
    expect(p.wa.sends.filter((s) => s.at > pausedAt + 1_000)).toEqual([]);
    expect(p.wa.sends.length).toBeLessThan(300);
    expect((await api(p.app, 'POST', `/v1/campaigns/${id}/pause`, {}, p.token)).status).toBe(409);
    expect((await api(p.app, 'POST', `/v1/campaigns/${id}/resume`, {}, p.token)).body).toEqual({ id, status: 'running' });
    await eventually(async () => (await get(p, id)).status === 'completed', 60_000);
    expect(new Set(p.wa.sends.map((s) => s.body.to)).size).toBe(300);
    expect(p.wa.sends.length).toBe(300);
  }, 120_000);

  it('when the template is paused at Meta, then the campaign pauses with the reason and nobody is marked failed', async () => {
    const p = await startPipeline();
    cleanups.push(() => p.close());
    p.wa.addTemplate({ name: 'promo_dezembro', language: 'pt_BR', status: 'PAUSED', bodyParams: 2 });
    await seedContacts(p, 20);
    const id = await createCampaign(p);
    await api(p.app, 'POST', `/v1/campaigns/${id}/start`, {}, p.token);
    const c = await eventually(async () => ((await get(p, id)).status === 'paused' ? get(p, id) : null), 30_000);
    expect(c.pauseReason).toBe('template_paused');
    expect(c.pauseReasonText).toMatch(/paused/i);
    expect(c.counts).toMatchObject({ pending: 20, failed: 0 });
    const events = await sql(p, "SELECT payload FROM domain_events WHERE tenant_id = $1 AND type = 'campaign.paused'", [p.tenantId]);
    expect(events[0].payload).toMatchObject({ campaignId: id, reason: 'template_paused' });
  }, 60_000);

  it('when the template webhook says PAUSED mid-campaign, then the campaign pauses and an unapproved template is refused at creation', async () => {
    const p = await startPipeline();
    cleanups.push(() => p.close());
    p.wa.addTemplate({ name: 'promo_dezembro', language: 'pt_BR', status: 'APPROVED', bodyParams: 2 });
    await seedContacts(p, 40);
    const id = await createCampaign(p, { messagesPerSecond: 4 });
    await api(p.app, 'POST', `/v1/campaigns/${id}/start`, {}, p.token);
    await eventually(() => p.wa.sends.length >= 2, 15_000);
    expect(await p.wa.templateApi.review('promo_dezembro', 'pt_BR', 'PAUSED')).toBe(200);
    const c = await eventually(async () => { const x = await get(p, id); return x.status === 'paused' ? x : null; }, 15_000);
    expect(c.pauseReason).toBe('template_paused');
    expect(c.counts.pending).toBeGreaterThan(0);
    const again = await api(p.app, 'POST', '/v1/campaigns', { name: 'x', channelId: p.channelId, template: TEMPLATE, audience: { tags: ['vip'] }, window: ALWAYS }, p.token);
    expect(again.status).toBe(400);
    expect(again.body.error.message).toMatch(/PAUSED/);
  }, 60_000);

  it('when the template is deleted in WhatsApp Manager before a scheduled campaign sends it, then the campaign pauses then, saying so', async () => {
    const p = await startPipeline();
    cleanups.push(() => p.close());
    p.wa.addTemplate({ name: 'promo_dezembro', language: 'pt_BR', status: 'APPROVED', bodyParams: 2 });
    expect((await api(p.app, 'POST', `/v1/channels/${p.channelId}/templates/sync`, {}, p.token)).status).toBe(200);
    await seedContacts(p, 5);
    const at = new Date(Date.now() + 3_600_000).toISOString();
    const id = await createCampaign(p, { scheduledAt: at });
    expect((await get(p, id)).status).toBe('scheduled');
    expect(await p.wa.templateApi.review('promo_dezembro', 'pt_BR', 'DELETED')).toBe(200);
    const c = await eventually(async () => { const x = await get(p, id); return x.status === 'paused' ? x : null; }, 15_000);
    expect(c).toMatchObject({ pauseReason: 'template_deleted', counts: { sent: 0 } });
    expect(c.pauseReasonText).toMatch(/deleted/i);
    const events = await sql(p, "SELECT payload FROM domain_events WHERE tenant_id = $1 AND type = 'campaign.paused'", [p.tenantId]);
    expect(events.map((e: any) => e.payload)).toEqual([expect.objectContaining({ campaignId: id, reason: 'template_deleted' })]);
    expect(p.wa.sends).toEqual([]);
  }, 60_000);

  it('when a synced, approved template gets parameters that do not fit, then the campaign is refused as the inbox refuses them', async () => {
    const p = await startPipeline();
    cleanups.push(() => p.close());
    p.wa.addTemplate({ name: 'promo_dezembro', language: 'pt_BR', status: 'APPROVED', bodyParams: 2 });
    expect((await api(p.app, 'POST', `/v1/channels/${p.channelId}/templates/sync`, {}, p.token)).status).toBe(200);
    const short = await api(p.app, 'POST', '/v1/campaigns', { name: 'x', channelId: p.channelId, template: { ...TEMPLATE, parameters: { body: ['só um'] } }, audience: { tags: ['vip'] } }, p.token);
    expect(short.status).toBe(422);
    expect(short.body.error).toMatchObject({ code: 'template_parameters', issues: [expect.any(String)] });
    const none = await api(p.app, 'POST', '/v1/campaigns', { name: 'x', channelId: p.channelId, template: { ...TEMPLATE, parameters: {} }, audience: { tags: ['vip'] } }, p.token);
    expect(none.body.error.code).toBe('template_parameters');
    expect((await sql(p, 'SELECT count(*)::int AS n FROM campaigns WHERE tenant_id = $1', [p.tenantId]))[0].n).toBe(0);
    await createCampaign(p);
  }, 60_000);

  it('when a recipient replies, then the reply is credited to the campaign and answered by its flow', async () => {
    const p = await startPipeline();
    cleanups.push(() => p.close());
    p.wa.addTemplate({ name: 'promo_dezembro', language: 'pt_BR', status: 'APPROVED', bodyParams: 2 });
    const { flowId } = await p.publish(
      flow([node('start', 'trigger', { keywords: [{ value: 'zzz-nunca', match: 'exact' }] } as never), node('say', 'message', { text: 'Oferta: 20% off' })], [edge('start', 'next', 'say')]),
      'Oferta',
    );
    await seedContacts(p, 3);
    const id = await createCampaign(p, { flowId });
    await api(p.app, 'POST', `/v1/campaigns/${id}/start`, {}, p.token);
    await eventually(async () => (await get(p, id)).status === 'completed', 30_000);
    // Conversations holding only the campaign's template stay out of the inbox lists and counts, and
    // open from the campaign's recipient table.
    const inbox = async (q = '') => (await api(p.app, 'GET', `/v1/conversations${q}`, undefined, p.token)).body.items.map((c: any) => c.id) as string[];
    const sent = (await api(p.app, 'GET', `/v1/campaigns/${id}/recipients?status=sent`, undefined, p.token)).body.items;
    expect(sent).toHaveLength(3);
    expect(await inbox()).toEqual([]);
    expect(await inbox('?status=bot')).toEqual([]);
    expect((await api(p.app, 'GET', '/v1/conversations/counts', undefined, p.token)).body).toMatchObject({ bot: 0 });
    const opened = await api(p.app, 'GET', `/v1/conversations/${sent[0].conversationId}`, undefined, p.token);
    expect(opened.status).toBe(200);
    expect(opened.body.id).toBe(sent[0].conversationId);
    await p.wa.inbound({ waId: phoneOf(1), name: 'Cliente 1' }, textMessage('quero!'));
    await eventually(() => sentTexts(p.wa, phoneOf(1)).includes('Oferta: 20% off'), 15_000);
    await eventually(async () => (await get(p, id)).counts.replied === 1, 10_000);
    const replied = (await api(p.app, 'GET', `/v1/campaigns/${id}/recipients?status=replied`, undefined, p.token)).body.items;
    expect(replied).toHaveLength(1);
    expect(replied[0].contact.phone).toBe(`+${phoneOf(1)}`); // E.164 once WhatsApp named the number
    const conv = await api(p.app, 'GET', `/v1/conversations/${replied[0].conversationId}/messages`, undefined, p.token);
    expect(conv.body.items.map((m: any) => m.text)).toEqual(expect.arrayContaining(['Olá Cliente 1, ofertas em Recife!', 'quero!']));
    // Once the customer answered, it is a normal conversation of the inbox; the others still are not.
    expect(await inbox()).toEqual([replied[0].conversationId]);
    expect((await api(p.app, 'GET', '/v1/conversations/counts', undefined, p.token)).body).toMatchObject({ bot: 1 });
  }, 60_000);

  it('when a campaign is scheduled, then it waits, freezes its audience at its time and sends', async () => {
    const p = await startPipeline();
    cleanups.push(() => p.close());
    p.wa.addTemplate({ name: 'promo_dezembro', language: 'pt_BR', status: 'APPROVED', bodyParams: 2 });
    await seedContacts(p, 3);
    const at = new Date(Date.now() + 3_000).toISOString();
    const res = await api(p.app, 'POST', '/v1/campaigns', { name: 'Agendada', channelId: p.channelId, template: TEMPLATE, audience: { tags: ['vip'] }, window: ALWAYS, scheduledAt: at }, p.token);
    expect(res.body).toMatchObject({ status: 'scheduled' });
    expect((await get(p, res.body.id)).counts.total).toBe(0);
    await seedMore(p);
    await eventually(async () => (await get(p, res.body.id)).status === 'completed', 30_000);
    expect(p.wa.sends).toHaveLength(4);
    expect(Math.min(...p.wa.sends.map((s) => s.at))).toBeGreaterThanOrEqual(new Date(at).getTime() - 50);
  }, 60_000);

  it('when an agent or another workspace calls, then 403 and 404; bad input is a 400', async () => {
    const p = await startPipeline();
    cleanups.push(() => p.close());
    await seedContacts(p, 2);
    const id = await createCampaign(p);
    const agent = await addAgent(p.app, p.tenantId, 'Bia');
    expect((await api(p.app, 'GET', `/v1/campaigns/${id}`, undefined, agent.token)).status).toBe(403);
    expect((await api(p.app, 'POST', '/v1/campaigns', { name: 'x', channelId: p.channelId, template: TEMPLATE, audience: { tags: ['vip'] } }, agent.token)).status).toBe(403);
    const other = await signupWorkspace(p.app, 'Outra');
    expect((await api(p.app, 'GET', `/v1/campaigns/${id}`, undefined, other.token)).status).toBe(404);
    expect((await api(p.app, 'POST', `/v1/campaigns/${id}/start`, {}, other.token)).status).toBe(404);
    expect((await api(p.app, 'POST', '/v1/campaigns', { name: 'x', channelId: p.channelId, template: TEMPLATE, audience: { tags: ['vip'] } }, other.token)).status).toBe(404);
    const bad = await api(p.app, 'POST', '/v1/campaigns', { name: 'x', channelId: p.channelId, template: { ...TEMPLATE, name: 'Bad Name' }, audience: {} }, p.token);
    expect(bad.status).toBe(400);
    const gone = await api(p.app, 'POST', '/v1/campaigns', { name: 'x', channelId: p.channelId, template: TEMPLATE, audience: { tags: ['vip'] }, scheduledAt: '2020-01-01T09:00:00-03:00' }, p.token);
    expect(gone).toMatchObject({ status: 400, body: { error: { code: 'validation_failed' } } });
    expect(JSON.stringify(gone.body)).toContain('scheduledAt has already passed');
    expect((await api(p.app, 'GET', `/v1/campaigns/${id}/recipients?cursor=zzz`, undefined, p.token)).status).toBe(400);
    // A name past the limit and sending hours that start and end together are refused at their fields, by code.
    const body = { channelId: p.channelId, template: TEMPLATE, audience: { tags: ['vip'] } };
    const long = await api(p.app, 'POST', '/v1/campaigns', { ...body, name: 'x'.repeat(121) }, p.token);
    expect(long.status).toBe(400);
    expect(long.body.error.issues).toEqual([expect.objectContaining({ path: 'name', code: 'too_big', origin: 'string', maximum: 120 })]);
    const same = await api(p.app, 'POST', '/v1/campaigns', { ...body, name: 'x', window: { start: '09:00', end: '09:00' } }, p.token);
    expect(same.status).toBe(400);
    expect(same.body.error.issues).toEqual([expect.objectContaining({ path: 'window.end', code: 'custom', reason: 'same_start_end' })]);
    // An end before the start runs overnight, and is taken.
    const night = await api(p.app, 'POST', '/v1/campaigns', { ...body, name: 'x'.repeat(120), window: { start: '22:00', end: '06:00' } }, p.token);
    expect(night.status).toBe(201);
  }, 60_000);
});

describe('a CSV audience', () => {
  it('when numbers are local, without a plus or without the ninth digit, then each person gets one send at their WhatsApp number', async () => {
    const p = await startPipeline();
    cleanups.push(() => p.close());
    p.wa.addTemplate({ name: 'aviso', language: 'pt_BR', status: 'APPROVED', bodyParams: 0 });
    const template = { name: 'aviso', language: 'pt_BR', parameters: {}, text: 'Aviso da loja' };
    // A customer known from WhatsApp by the old 8-digit mobile id.
    await p.wa.inbound({ waId: '551188887777', name: 'Marina' }, textMessage('oi'));
    const marina = await eventually(async () => (await api(p.app, 'GET', '/v1/contacts?q=Marina', undefined, p.token)).body.items[0]);
    const sendsBefore = p.wa.sends.length;
    // Marina with the ninth digit, a local Rio number, and one number twice (with and without the +).
    const audience = { phones: ['+5511988887777', '21987654321', '5531999990000', '+5531999990000'] };
    const res = await api(p.app, 'POST', '/v1/campaigns', { name: 'Lista', channelId: p.channelId, template, audience, window: ALWAYS }, p.token);
    expect(res.status).toBe(201);
    await api(p.app, 'POST', `/v1/campaigns/${res.body.id}/start`, {}, p.token);
    await eventually(async () => (await get(p, res.body.id)).status === 'completed', 30_000);
    const recipients = await allRecipients(p, res.body.id);
    expect(recipients.map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
    expect(recipients.map((r) => r.contactId)).toContain(marina.id);
    // Marina at the id she writes from; the local Rio number in Brazil, not at +1 219…
    const to = p.wa.sends.slice(sendsBefore).map((s) => s.body.to).sort();
    expect(to).toEqual(['551188887777', '5521987654321', '5531999990000']);
    expect((await api(p.app, 'GET', '/v1/contacts?q=98765', undefined, p.token)).body.items).toEqual([expect.objectContaining({ phone: '+5521987654321' })]);
    expect((await api(p.app, 'GET', '/v1/contacts?limit=50', undefined, p.token)).body.items).toHaveLength(3);
  }, 60_000);

  it("when a contact has no value for a parameter, then that recipient is skipped saying so instead of sending WhatsApp an empty one; a default fills it", async () => {
    const p = await startPipeline();
    cleanups.push(() => p.close());
    p.wa.addTemplate({ name: 'ola_cliente', language: 'pt_BR', status: 'APPROVED', bodyParams: 1 });
    await p.wa.inbound({ waId: '5511977776666', name: 'Marina' }, textMessage('oi'));
    await eventually(async () => (await api(p.app, 'GET', '/v1/contacts?q=Marina', undefined, p.token)).body.items[0]);
    const run = async (param: string) => {
      const template = { name: 'ola_cliente', language: 'pt_BR', parameters: { body: [param] }, text: 'Olá {{1}}!' };
      const res = await api(p.app, 'POST', '/v1/campaigns', { name: 'Oi', channelId: p.channelId, template, audience: { phones: ['5511977776666', '5521987654321'] }, window: ALWAYS }, p.token);
      expect(res.status).toBe(201);
      await api(p.app, 'POST', `/v1/campaigns/${res.body.id}/start`, {}, p.token);
      await eventually(async () => (await get(p, res.body.id)).status === 'completed', 30_000);
      return allRecipients(p, res.body.id);
    };
    const sendsBefore = p.wa.sends.length;
    const plain = await run('{{contact.name}}');
    expect(plain.map((r) => [r.status, r.reason]).sort()).toEqual([['sent', null], ['skipped', 'missing_value']]);
    expect(plain.find((r) => r.reason === 'missing_value').reasonText).toContain('default');
    expect(p.wa.sends.slice(sendsBefore).map((x) => x.body.to)).toEqual(['5511977776666']);
    const withDefault = await run('{{contact.name | "cliente"}}');
    expect(withDefault.map((r) => r.status)).toEqual(['sent', 'sent']);
    const toRio = p.wa.sends.filter((x) => x.body.to === '5521987654321').map((x) => x.body.template.components[0].parameters[0].text);
    expect(toRio).toEqual(['cliente']);
  }, 60_000);

  it('when a placeholder cannot be filled, then the campaign is a 400 naming it; accented attributes and contact.<attribute> are filled', async () => {
    const p = await startPipeline();
    cleanups.push(() => p.close());
    p.wa.addTemplate({ name: 'entrega', language: 'pt_BR', status: 'APPROVED', bodyParams: 2 });
    await sql(p, `INSERT INTO contacts (tenant_id, channel_id, external_id, phone, name, tags, attributes) VALUES ($1, $2, '5511966665555', '5511966665555', 'Lúcia', '{entrega}', $3)`,
      [p.tenantId, p.channelId, { Observação: 'Portão azul', bairro: 'Pina' }]);
    const post = (body: string[]) => api(p.app, 'POST', '/v1/campaigns', {
      name: 'Entrega', channelId: p.channelId, audience: { tags: ['entrega'] }, window: ALWAYS,
      template: { name: 'entrega', language: 'pt_BR', parameters: { body }, text: 'Obs.: {{1}}, bairro {{2}}.' },
    }, p.token);
    // A default without its quotes, a name with a space: each would reach the customer as typed.
    const refused = await post(['{{contact.bairro | 20%}}', '{{nome completo}}']);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('validation_failed');
    expect(refused.body.error.malformedPlaceholders).toEqual(['{{contact.bairro | 20%}}', '{{nome completo}}']);
    expect(refused.body.error.message).toContain('{{nome completo}}');
    const created = await post(['{{Observação | "x"}}', '{{contact.bairro | "20%"}}']);
    expect(created.status).toBe(201);
    await api(p.app, 'POST', `/v1/campaigns/${created.body.id}/start`, {}, p.token);
    await eventually(() => p.wa.sendsTo('5511966665555').length > 0, 30_000);
    expect(p.wa.sendsTo('5511966665555')[0]!.body.template.components[0].parameters.map((x: { text: string }) => x.text)).toEqual(['Portão azul', 'Pina']);
  }, 60_000);

  it('when a number cannot be a phone, then the campaign is refused naming it', async () => {
    const p = await startPipeline();
    cleanups.push(() => p.close());
    const template = { name: 'aviso', language: 'pt_BR', parameters: {}, text: 'Aviso' };
    const res = await api(p.app, 'POST', '/v1/campaigns', { name: 'Lista', channelId: p.channelId, template, audience: { phones: ['5521987654321', '12345678'] }, window: ALWAYS }, p.token);
    expect(res).toMatchObject({ status: 400, body: { error: { code: 'validation_failed', invalidPhones: ['12345678'], invalidCount: 1 } } });
    expect((await api(p.app, 'GET', '/v1/campaigns', undefined, p.token)).body.items).toEqual([]);
  }, 60_000);
});

describe('campaigns of two workspaces', () => {
  it("when one workspace's campaigns wait on a provider that hangs, then another workspace's campaign still sends at once", async () => {
    const p = await startPipeline();
    cleanups.push(() => p.close());
    const A_PHONE = '106540352244001';
    const a = await otherWorkspace(p, 'Loja A', A_PHONE);
    const asA = { ...p, tenantId: a.tenantId, channelId: a.channelId, token: a.token } as Pipeline;
    p.wa.addTemplate({ name: 'promo_dezembro', language: 'pt_BR', status: 'APPROVED', bodyParams: 2 });
    // A's number answers each send after 8 s: its campaigns' slices wait on it.
    p.wa.answerAfter((phoneNumberId) => (phoneNumberId === A_PHONE ? 8_000 : 0));
    await seedContacts(asA, 40);
    for (let i = 0; i < 4; i++) {
      const id = await createCampaign(asA);
      expect((await api(p.app, 'POST', `/v1/campaigns/${id}/start`, {}, a.token)).body.status).toBe('running');
    }
    await eventually(() => p.wa.sends.filter((s) => s.phoneNumberId === A_PHONE).length >= 2, 20_000);

    await seedContacts(p, 3);
    const id = await createCampaign(p);
    const started = Date.now();
    expect((await api(p.app, 'POST', `/v1/campaigns/${id}/start`, {}, p.token)).body.status).toBe('running');
    await eventually(async () => (await get(p, id)).status === 'completed', 15_000);
    // Without a bound per workspace it waited for A's slices to give way: about 9 s.
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(p.wa.sends.filter((s) => s.phoneNumberId !== A_PHONE)).toHaveLength(3);
  }, 90_000);
});

describe('campaigns on an Evolution (gateway) number', () => {
  it('when a campaign runs on Evolution, then it warns of bans, waits a random gap between sends and stops at the daily cap', async () => {
    const { startFakeEvolution } = await import('../../test/fakes/fake-evolution');
    let webhookUrl = '';
    const evo = await startFakeEvolution({ apiKey: 'evo-key', instance: 'loja', webhookUrl: () => webhookUrl, webhookToken: () => 'evo-hook' });
    const app = await startTestApp({ OUTBOUND_ALLOW_HOSTS: '127.0.0.1' });
    cleanups.push(() => evo.close(), () => app.close());
    const s = await signupWorkspace(app);
    const channel = await api(app, 'POST', '/v1/channels', { type: 'evolution', name: 'Evo', config: { baseUrl: evo.baseUrl, instance: 'loja', apiKey: 'evo-key', webhookToken: 'evo-hook' } }, s.token);
    webhookUrl = `${app.url}/v1/webhooks/evolution/${channel.body.id}`;
    const p = { app, tenantId: s.workspace.id, channelId: channel.body.id, token: s.token } as unknown as Pipeline;
    await seedContacts(p, 4);
    const created = await api(app, 'POST', '/v1/campaigns', {
      name: 'Gateway', channelId: channel.body.id, template: TEMPLATE, audience: { tags: ['vip'] }, window: ALWAYS, gapSeconds: { min: 1, max: 1.5 }, dailyLimit: 3,
    }, s.token);
    expect(created.status).toBe(201);
    expect(created.body.warnings.map((w: any) => w.code)).toEqual(['unofficial_number_ban_risk']);
    expect(created.body.gapSeconds).toEqual({ min: 1, max: 1.5 });
    await api(app, 'POST', `/v1/campaigns/${created.body.id}/start`, {}, s.token);
    await eventually(() => evo.sends.length >= 3, 30_000);
    await new Promise((r) => setTimeout(r, 2_000));
    expect(evo.sends).toHaveLength(3);
    const gaps = evo.sends.slice(1).map((x, i) => x.at - evo.sends[i]!.at);
    for (const g of gaps) expect(g).toBeGreaterThanOrEqual(950);
    expect(evo.sends[0]!.body.text).toMatch(/^Olá Cliente \d, ofertas em Recife!$/);
    const c = (await api(app, 'GET', `/v1/campaigns/${created.body.id}`, undefined, s.token)).body;
    expect(c).toMatchObject({ status: 'running', counts: { sent: 3, pending: 1 } });
  }, 90_000);
});
