// Poison handling per event, against real PostgreSQL and Redis: a database trigger makes storing
// one message fail the way a poison event or a deadlock really fails inside the drain.
import { afterAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { echoFlow } from '../../test/flow-docs';
import { textMessage } from '../../test/fakes/whatsapp-payloads';
import { eventually, pipelineForFile, sentTexts, type Pipeline } from '../../test/pipeline';

let p: Pipeline;
let db: pg.Client;

pipelineForFile(async (started) => {
  ({ pipeline: p, db } = started);
  await p.publish(echoFlow(), 'Eco');
  // Only this workspace's messages: "boom" always fails, "deadlock" fails once as a deadlock.
  const fn = `poison_${p.tenantId.replace(/-/g, '')}`;
  await db.query(`CREATE SEQUENCE ${fn}_seq`);
  await db.query(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.tenant_id = '${p.tenantId}' AND NEW.text = 'boom' THEN RAISE EXCEPTION 'boom is not a message this bot can store'; END IF;
      IF NEW.tenant_id = '${p.tenantId}' AND NEW.text = 'deadlock' AND nextval('${fn}_seq') = 1 THEN
        RAISE EXCEPTION 'deadlock detected' USING ERRCODE = '40P01';
      END IF;
      RETURN NEW;
    END $$`);
  await db.query(`CREATE TRIGGER ${fn} BEFORE INSERT ON messages FOR EACH ROW EXECUTE FUNCTION ${fn}()`);
});
// Runs before the pipeline's connection closes (after-all hooks run last registered first).
afterAll(async () => {
  const fn = `poison_${p?.tenantId.replace(/-/g, '')}`;
  await db?.query(`DROP TRIGGER IF EXISTS ${fn} ON messages`).catch(() => {});
  await db?.query(`DROP FUNCTION IF EXISTS ${fn}()`).catch(() => {});
  await db?.query(`DROP SEQUENCE IF EXISTS ${fn}_seq`).catch(() => {});
});

const events = async (waId: string) =>
  (await db.query(
    `SELECT e.status, e.attempts, e.error FROM inbound_events e
     WHERE e.tenant_id = $1 AND e.conversation_key = $2 ORDER BY e.id`,
    [p.tenantId, `${p.channelId}:${waId}`],
  )).rows as Array<{ status: string; attempts: number; error: string | null }>;

describe('poison events', () => {
  it('when the third of [ok, ok, throws] fails every time, then only it is set aside, with the reason, and the conversation goes on', async () => {
    const waId = '5511911110001';
    for (const text of ['oi', 'um', 'boom']) await p.wa.inbound({ waId, name: 'Caio' }, textMessage(text));
    await eventually(async () => (await events(waId)).at(-1)?.status === 'failed', 30_000);
    const rows = await events(waId);
    expect(rows.map((r) => r.status)).toEqual(['processed', 'processed', 'failed']);
    expect(rows[0]!.attempts + rows[1]!.attempts).toBe(0);
    expect(rows[2]!.attempts).toBe(3);
    expect(rows[2]!.error).toContain('boom is not a message this bot can store');
    // The conversation is not stuck behind it.
    await p.wa.inbound({ waId, name: 'Caio' }, textMessage('dois'));
    await eventually(() => sentTexts(p.wa, waId).includes('recebi: dois'));
    expect(sentTexts(p.wa, waId)).toEqual(['recebi: um', 'recebi: dois']);
    expect((await events(waId)).map((r) => r.status)).toEqual(['processed', 'processed', 'failed', 'processed']);
  });

  it('when storing a message hits a deadlock, then the drain is retried, not counted, and the reply is sent once', async () => {
    const waId = '5511911110002';
    await p.wa.inbound({ waId, name: 'Duda' }, textMessage('oi'));
    await p.wa.inbound({ waId, name: 'Duda' }, textMessage('deadlock'));
    await eventually(() => sentTexts(p.wa, waId).includes('recebi: deadlock'), 30_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(sentTexts(p.wa, waId)).toEqual(['recebi: deadlock']);
    const rows = await events(waId);
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([['processed', 0], ['processed', 0]]);
    // The deadlock really happened: the sequence was used.
    const fn = `poison_${p.tenantId.replace(/-/g, '')}`;
    expect(Number((await db.query(`SELECT last_value FROM ${fn}_seq`)).rows[0].last_value)).toBeGreaterThanOrEqual(2);
  });
});
