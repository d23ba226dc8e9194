// `npm run bench -- --campaign [--quick]`: a campaign at its configured rate while customers talk
// to a flow. Measures the campaign's sends/s against the configured rate (target ≥ 90 %) and the
// live replies' p99 against the same live load without a campaign, in the same run (target ≤ 2×).
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { freePort } from '../server/src/stack/free-port';
import { ensureDatabase, startLocalPostgres } from '../server/src/stack/local-postgres';
import { ensureRedisServer, startLocalRedis } from '../server/src/stack/local-redis';
import { startFakeWhatsApp } from '../server/test/fakes/fake-whatsapp';
import { openLoop, type StepResult } from './load';
import { setupZyntraTenant } from './zyntra-setup';
import { call, waitFor } from './http';

const ACCESS_TOKEN = 'bench-access-token';
const APP_SECRET = 'bench-app-secret';
const PHONE_ID = '106540352242922';

export async function runCampaignBench(root: string, quick: boolean): Promise<void> {
  const recipients = Number(process.env.BENCH_CAMPAIGN_RECIPIENTS ?? (quick ? 2_000 : 10_000));
  const rate = Number(process.env.BENCH_CAMPAIGN_RATE ?? 100);
  const live = Number(process.env.BENCH_LIVE_RATE ?? 20);
  const seconds = Math.ceil(recipients / rate);
  const dir = mkdtempSync(join(tmpdir(), 'zyntra-bench-campaign-'));
  chmodSync(dir, 0o755);
  const children: ChildProcess[] = [];
  const [pgPort, redisPort, apiPort] = await Promise.all([freePort(), freePort(), freePort()]);
  const db = await startLocalPostgres({ dataDir: join(dir, 'pg'), port: pgPort, persistent: true });
  const redis = await startLocalRedis({ binary: ensureRedisServer(console.log), port: redisPort });
  const wa = await startFakeWhatsApp({ accessToken: ACCESS_TOKEN, appSecret: APP_SECRET, autoStatuses: false });
  wa.addTemplate({ name: 'bench_promo', language: 'pt_BR', status: 'APPROVED', bodyParams: 1 });
  const loadStart = loadavg();
  console.log(`campaign bench: ${recipients} recipients at ${rate} msg/s (${seconds} s) with ${live} new customers/s talking to a flow`);
  try {
    await ensureDatabase(db.url('postgres'), 'zyntra');
    const env = {
      ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', LOG_LEVEL: 'warn', DATABASE_URL: db.url('zyntra'), REDIS_URL: redis.url,
      JWT_SECRET: 'b'.repeat(40), ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'), WHATSAPP_GRAPH_BASE_URL: wa.baseUrl, QUEUE_PREFIX: 'zc',
    };
    const spawnRole = (role: string, port: string) =>
      children.push(spawn(process.execPath, ['--import', 'tsx', resolve(root, 'server/src/main.ts')], { env: { ...env, ROLE: role, PORT: port }, stdio: ['ignore', 'ignore', 'inherit'] }));
    spawnRole('api', String(apiPort));
    spawnRole('worker', '0');
    const base = `http://127.0.0.1:${apiPort}`;
    await waitFor(`${base}/ready`);
    const channelId = await setupZyntraTenant(base, { accessToken: ACCESS_TOKEN, appSecret: APP_SECRET, phoneNumberId: PHONE_ID });
    const token = await seed(db.url('zyntra'), base, channelId, recipients);
    const target = { url: `${base}/v1/webhooks/whatsapp/${channelId}`, appSecret: APP_SECRET, phoneNumberId: PHONE_ID };

    await openLoop('warm-up', target, wa, 20, 2);
    // As long as the campaign's run: a p99 over a longer run sees more of the machine's own hiccups.
    const alone = live > 0 ? await openLoop('live replies, no campaign', target, wa, live, seconds) : idle('no live traffic', 0);
    const created = await call(base, 'POST', '/v1/campaigns', {
      name: 'Bench', channelId, template: { name: 'bench_promo', language: 'pt_BR', parameters: { body: ['{{contact.name}}'] } },
      audience: { tags: ['bench'] }, window: { start: '00:00', end: '24:00' }, messagesPerSecond: rate,
    }, token);
    const before = wa.sends.length;
    await call(base, 'POST', `/v1/campaigns/${created.id}/start`, {}, token);
    const liveFrom = Date.now();
    // BENCH_LIVE_RATE=0: the campaign alone, to tell the sender's own pace from its yielding to live replies.
    const withCampaign = live > 0 ? await openLoop('live replies, campaign running', target, wa, live, seconds) : idle('campaign alone', seconds);
    if (live === 0) await new Promise((r) => setTimeout(r, seconds * 1000));
    const liveTo = Date.now();
    const deadline = Date.now() + seconds * 3000;
    while (Date.now() < deadline && (await call(base, 'GET', `/v1/campaigns/${created.id}`, undefined, token)).status !== 'completed') await new Promise((r) => setTimeout(r, 500));
    const sends = wa.sends.slice(before).filter((s) => s.body.type === 'template');
    const spanS = sends.length > 1 ? (sends[sends.length - 1]!.at - sends[0]!.at) / 1000 : 1;
    const achieved = Math.round((sends.length / spanS) * 10) / 10;
    const perRecipient = new Map<string, number>();
    for (const s of sends) perRecipient.set(s.body.to, (perRecipient.get(s.body.to) ?? 0) + 1);
    const counts = [...perRecipient.values()];
    const figures = {
      recipients, configuredRate: rate, campaignSends: sends.length,
      // Exactly one send per recipient: how many got one, more than one, or none (lost).
      exactlyOnce: counts.filter((n) => n === 1).length, doubled: counts.filter((n) => n > 1).length, lostRecipients: recipients - perRecipient.size,
      achievedRate: achieved, rateRatio: Math.round((achieved / rate) * 100) / 100,
      // The campaign's pace while the customers were talking (the live step), apart from the tail after it.
      achievedDuringLive: Math.round((sends.filter((x) => x.at >= liveFrom && x.at <= liveTo).length / ((liveTo - liveFrom) / 1000)) * 10) / 10,
      liveP99AloneMs: alone.e2e.p99, liveP99WithCampaignMs: withCampaign.e2e.p99,
      liveP99Ratio: Math.round((withCampaign.e2e.p99 / Math.max(1, alone.e2e.p99)) * 100) / 100,
      lostLive: withCampaign.lost, lostLiveAlone: alone.lost,
    };
    print(alone, withCampaign, figures);
    mkdirSync(resolve(root, 'bench', 'results'), { recursive: true });
    const file = resolve(root, 'bench', 'results', `campaign${live === 0 ? '-alone' : ''}${quick ? '-quick' : ''}.json`);
    writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), quick, live, loadAverage: { start: loadStart, end: loadavg() }, figures, alone, withCampaign }, null, 2));
    console.log(`written: ${file}`);
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1_500));
    await wa.close();
    await redis.stop();
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function print(alone: StepResult, withCampaign: StepResult, f: Record<string, number>) {
  for (const s of [alone, withCampaign]) {
    console.log(`${s.label.padEnd(34)} e2e p50/p95/p99 ${s.e2e.p50}/${s.e2e.p95}/${s.e2e.p99} ms, ${s.sent} customers, lost ${s.lost}`);
    console.log(`${''.padEnd(34)} slowest reply per second: ${s.e2eWorstBySecond.join(' ')}`);
  }
  console.log(`campaign: configured ${f.configuredRate} msg/s, achieved ${f.achievedRate} msg/s, ratio ${f.rateRatio} (target ≥ 0.90); ${f.campaignSends} sends to ${f.recipients} recipients`);
  console.log(`campaign pace while the customers talked: ${f.achievedDuringLive} msg/s`);
  console.log(`sends per recipient: exactly one ${f.exactlyOnce}, more than one ${f.doubled}, none (lost) ${f.lostRecipients}`);
  console.log(`live replies p99 without / with the campaign: ${f.liveP99AloneMs} / ${f.liveP99WithCampaignMs} ms, ratio ${f.liveP99Ratio} (target ≤ 2); live customers lost ${f.lostLiveAlone} / ${f.lostLive}`);
  console.log(`machine load average at the end: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
}

const idle = (label: string, seconds: number): StepResult => {
  const none = { n: 0, p50: 0, p95: 0, p99: 0, max: 0 };
  return { label, offered: 0, seconds, sent: 0, replies: 0, lost: 0, doubled: 0, refused: 0, throughput: 0, ack: none, e2e: none, e2eWorstBySecond: [] };
};

/** N contacts tagged "bench" on the channel, and the owner's token. */
async function seed(url: string, base: string, channelId: string, n: number): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query('SELECT tenant_id FROM channels WHERE id = $1', [channelId]);
    await c.query(
      `INSERT INTO contacts (tenant_id, channel_id, external_id, phone, name, tags)
       SELECT $1, $2, '55219' || lpad(i::text, 8, '0'), '55219' || lpad(i::text, 8, '0'), 'Cliente ' || i, '{bench}' FROM generate_series(1, $3) i`,
      [rows[0].tenant_id, channelId, n],
    );
    const email = `campaign${Date.now()}@example.com`;
    const user = await c.query("SELECT u.id FROM users u JOIN memberships m ON m.user_id = u.id WHERE m.tenant_id = $1 AND m.role = 'owner'", [rows[0].tenant_id]);
    await c.query('UPDATE users SET email = $1 WHERE id = $2', [email, user.rows[0].id]);
    return (await call(base, 'POST', '/v1/auth/login', { email, password: 'bench-password-1' })).token;
  } finally {
    await c.end();
  }
}

