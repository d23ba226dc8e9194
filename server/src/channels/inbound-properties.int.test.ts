// Property-based tests through the real, signed webhook routes and the web-chat API: whatever junk a
// payload carries, the answer is never a 5xx, and every well-formed sibling is stored exactly once
// even when the provider delivers the same payload twice. The pure parser properties run 500 cases
// each beside the parsers; these batched HTTP runs check the same promises end to end.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type pg from 'pg';
import { api } from '../../test/harness';
import { envelope, metaJson, signMeta } from '../../test/fakes/whatsapp-payloads';
import { phoneNumberIdFor } from '../../test/fakes/fake-whatsapp';
import { evoBatch, evoDataOf, field, hostileString, junk, waBatch, waMessagesOf } from '../../test/inbound-fuzz';
import { APP_SECRET, eventually, pipelineForFile, type Pipeline } from '../../test/pipeline';
import { cleanText } from './inbound-text';

const RUNS = 40;
const EVO_TOKEN = 'zyntra-webhook-token-123';
let p: Pipeline;
let db: pg.Client;
let run = 0;

pipelineForFile((started) => ({ pipeline: p, db } = started));

const post = async (path: string, body: string, headers: Record<string, string>) =>
  (await fetch(`${p.app.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })).status;

/** How many inbound events each id has on the channel (ids never stored are absent). */
async function storedTimes(channelId: string, ids: string[]): Promise<Map<string, number>> {
  const { rows } = await db.query('SELECT provider_event_id AS id, count(*)::int AS n FROM inbound_events WHERE channel_id = $1 AND provider_event_id = ANY($2) GROUP BY 1', [channelId, ids]);
  return new Map(rows.map((r) => [r.id, r.n]));
}

const expectEachOnce = (times: Map<string, number>, ids: string[]) => expect(ids.map((id) => times.get(id) ?? 0)).toEqual(ids.map(() => 1));

describe('inbound webhooks under junk (property-based, through HTTP)', () => {
  it('WhatsApp Cloud: never a 5xx, and every well-formed message is stored exactly once, its text cleaned', async () => {
    const all: Array<{ id: string; text: string | null }> = [];
    await fc.assert(
      fc.asyncProperty(waBatch, async (batch) => {
        const ids = batch.wellFormed.map((_, i) => `wamid.prop${++run}.${i}`);
        const raw = metaJson(envelope(phoneNumberIdFor, { contacts: batch.contacts, messages: waMessagesOf(batch, ids), statuses: batch.statuses }));
        for (let i = 0; i < 2; i++) expect(await p.wa.postRaw(raw, signMeta(raw, APP_SECRET))).toBe(200);
        expectEachOnce(await storedTimes(p.channelId, ids), ids);
        batch.wellFormed.forEach((w, i) => all.push({ id: ids[i]!, text: w.kind === 'text' ? (cleanText(w.text) ?? '') : null }));
      }),
      { numRuns: RUNS },
    );
    // The runner stores each as one message, with the cleaned text.
    const ids = all.map((m) => m.id);
    const rows = await eventually(async () => {
      const { rows } = await db.query('SELECT provider_message_id AS id, text FROM messages WHERE provider_message_id = ANY($1)', [ids]);
      return rows.length >= ids.length && rows;
    }, 30_000);
    expect(rows).toHaveLength(ids.length);
    const byId = new Map(rows.map((r) => [r.id, r.text]));
    for (const m of all.filter((x) => x.text !== null)) expect(byId.get(m.id) ?? '').toBe(m.text);
    const rejected = await api(p.app, 'GET', `/v1/channels/${p.channelId}/rejected-events?limit=100`, undefined, p.token);
    expect(rejected.status).toBe(200);
    expect(rejected.body.total).toBeLessThanOrEqual(500);
  });

  it('Evolution: never a 5xx, and every well-formed message is stored exactly once', async () => {
    const channel = await api(p.app, 'POST', '/v1/channels', {
      type: 'evolution', name: 'Evo', config: { baseUrl: 'http://127.0.0.1:1', instance: 'loja1', apiKey: 'k', webhookToken: EVO_TOKEN },
    }, p.token);
    await fc.assert(
      fc.asyncProperty(evoBatch, async (batch) => {
        const ids = batch.wellFormed.map((_, i) => `3EB0PROP${++run}X${i}`);
        const body = JSON.stringify({ event: 'messages.upsert', instance: 'loja1', data: evoDataOf(batch, ids) });
        for (let i = 0; i < 2; i++) expect(await post(`/v1/webhooks/evolution/${channel.body.id}`, body, { 'x-zyntra-token': EVO_TOKEN })).toBe(200);
        expectEachOnce(await storedTimes(channel.body.id, ids), ids);
      }),
      { numRuns: RUNS },
    );
  });

  it('web chat: junk is a 4xx, never a 5xx, and each accepted message is stored once', async () => {
    const channel = await api(p.app, 'POST', '/v1/channels', { type: 'webchat', name: 'Site' }, p.token);
    const session = await api(p.app, 'POST', `/v1/webchat/${channel.body.id}/sessions`, {});
    const path = `/v1/webchat/${channel.body.id}/messages`;
    const auth = { authorization: `Bearer ${session.body.token}` };
    const body = fc.oneof(junk, fc.record({ text: field(hostileString), replyId: field(hostileString) }, { requiredKeys: [] }));
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const clientMessageId = `prop-${++run}-web`;
        const raw = JSON.stringify(b && typeof b === 'object' && !Array.isArray(b) ? { ...b, clientMessageId } : b) ?? 'null';
        const statuses = [await post(path, raw, auth), await post(path, raw, auth)];
        expect(statuses[0]).toBe(statuses[1]);
        expect([202, 400]).toContain(statuses[0]);
        const id = `wc:${session.body.visitorId}:${clientMessageId}`;
        expect((await storedTimes(channel.body.id, [id])).get(id) ?? 0).toBe(statuses[0] === 202 ? 1 : 0);
      }),
      { numRuns: RUNS },
    );
  });
});
