// The load generator: signed Meta-format webhooks over keep-alive HTTP, open loop at a fixed
// rate or closed loop at a fixed concurrency; every reply is counted at the fake provider.
import { Agent, request } from 'node:http';
import { envelope, messageValue, metaJson, signMeta, textMessage } from '../server/test/fakes/whatsapp-payloads';
import type { FakeWhatsApp } from '../server/test/fakes/fake-whatsapp';
import { summarize, type Summary } from './stats';

export type Target = { url: string; appSecret: string; phoneNumberId: string };
export type StepResult = {
  label: string; offered: number; seconds: number; sent: number; replies: number; lost: number; doubled: number;
  /** Posts not acknowledged with 200 (refused, reset): not counted as sent. */
  refused: number;
  throughput: number; ack: Summary; e2e: Summary;
  /** The slowest reply among the customers who wrote in each second of the run (ms): shows whether a tail is a spike or spread out. */
  e2eWorstBySecond: number[];
};

const agent = new Agent({ keepAlive: true, maxSockets: 128 });
let contactSeq = 0;

function post(target: Target, waId: string): Promise<{ status: number; ackMs: number; startedAt: number }> {
  const raw = metaJson(envelope(target.phoneNumberId, messageValue({ waId, name: 'Cliente' }, textMessage('oi'))));
  const startedAt = performance.now();
  return new Promise((resolve) => {
    const req = request(target.url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'x-hub-signature-256': signMeta(raw, target.appSecret) } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ackMs: performance.now() - startedAt, startedAt }));
    });
    // A reset connection (a keep-alive socket the server closed as it was reused, or the server
    // going away) is counted as a failed post, not a crash of the whole run.
    req.on('error', () => resolve({ status: 0, ackMs: performance.now() - startedAt, startedAt }));
    req.end(raw);
  });
}

/** Waits until every customer who wrote got a reply (other sends, e.g. a campaign's, do not count). */
async function settle(wa: FakeWhatsApp, before: number, recipients: Map<string, number>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  const waiting = new Set(recipients.keys());
  let index = before;
  while (waiting.size > 0 && Date.now() < deadline) {
    for (; index < wa.sends.length; index++) waiting.delete(wa.sends[index]!.body.to as string);
    if (waiting.size > 0) await new Promise((r) => setTimeout(r, 50));
  }
  await new Promise((r) => setTimeout(r, 300)); // let any duplicate show up
}

function result(label: string, offered: number, seconds: number, wa: FakeWhatsApp, before: number, starts: Map<string, number>, acks: number[], wallMs: number, refused: number): StepResult {
  const sends = wa.sends.slice(before);
  const seen = new Map<string, number>();
  const e2e: number[] = [];
  const worst: number[] = [];
  const origin = performance.timeOrigin;
  const first = Math.min(...starts.values());
  for (const s of sends) {
    const to = s.body.to as string;
    seen.set(to, (seen.get(to) ?? 0) + 1);
    const start = starts.get(to);
    if (start === undefined || seen.get(to) !== 1) continue;
    const ms = s.at - (origin + start);
    e2e.push(ms);
    const second = Math.floor((start - first) / 1000);
    worst[second] = Math.max(worst[second] ?? 0, Math.round(ms));
  }
  const lost = [...starts.keys()].filter((to) => !seen.has(to)).length;
  const doubled = [...seen.values()].filter((n) => n > 1).length;
  return {
    label, offered, seconds, sent: starts.size, replies: sends.length, lost, doubled, refused,
    throughput: Math.round((e2e.length / (wallMs / 1000)) * 10) / 10, ack: summarize(acks), e2e: summarize(e2e),
    e2eWorstBySecond: Array.from(worst, (w) => w ?? 0),
  };
}

/** Open loop: `rate` new customers per second for `seconds`, each sending "oi" once. */
export async function openLoop(label: string, target: Target, wa: FakeWhatsApp, rate: number, seconds: number): Promise<StepResult> {
  const before = wa.sends.length;
  const starts = new Map<string, number>();
  const acks: number[] = [];
  const inflight: Array<Promise<void>> = [];
  let refused = 0;
  const begin = performance.now();
  const total = Math.round(rate * seconds);
  for (let i = 0; i < total; i++) {
    const due = begin + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const waId = `55${String(Date.now() % 1e6).padStart(6, '0')}${String(++contactSeq).padStart(6, '0')}`;
    inflight.push(post(target, waId).then((r) => {
      if (r.status === 200) {
        starts.set(waId, r.startedAt);
        acks.push(r.ackMs);
      } else refused++;
    }));
  }
  await Promise.all(inflight);
  await settle(wa, before, starts, 30_000);
  return result(label, rate, seconds, wa, before, starts, acks, performance.now() - begin, refused);
}

/** One poller resolving a waiter per recipient as the fake provider records replies. */
function replyWatcher(wa: FakeWhatsApp) {
  const waiters = new Map<string, () => void>();
  let index = wa.sends.length;
  const timer = setInterval(() => {
    for (; index < wa.sends.length; index++) {
      const to = wa.sends[index]!.body.to as string;
      waiters.get(to)?.();
      waiters.delete(to);
    }
  }, 1);
  return {
    wait: (to: string) => new Promise<void>((resolve) => {
      waiters.set(to, resolve);
      setTimeout(() => { waiters.delete(to); resolve(); }, 10_000).unref();
    }),
    stop: () => clearInterval(timer),
  };
}

/** Closed loop: `concurrency` customers in flight at all times for `seconds`; measures max sustained throughput. */
export async function closedLoop(label: string, target: Target, wa: FakeWhatsApp, concurrency: number, seconds: number): Promise<StepResult> {
  const before = wa.sends.length;
  const starts = new Map<string, number>();
  const acks: number[] = [];
  const begin = performance.now();
  const end = begin + seconds * 1000;
  const replies = replyWatcher(wa);
  let refused = 0;
  const lane = async () => {
    while (performance.now() < end) {
      const waId = `56${String(Date.now() % 1e6).padStart(6, '0')}${String(++contactSeq).padStart(6, '0')}`;
      const replied = replies.wait(waId);
      const r = await post(target, waId);
      if (r.status !== 200) {
        refused++;
        continue;
      }
      starts.set(waId, r.startedAt);
      acks.push(r.ackMs);
      await replied; // replies pace the load: each lane is one customer waiting for the bot
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  const wallMs = performance.now() - begin;
  replies.stop();
  await settle(wa, before, starts, 30_000);
  return result(label, 0, seconds, wa, before, starts, acks, wallMs, refused);
}
