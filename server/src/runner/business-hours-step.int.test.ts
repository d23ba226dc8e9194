// The business_hours step through the real pipeline: a customer on the fake WhatsApp Cloud API
// writing while the business is open is told so, and one writing outside its hours hears it is
// closed. The hours are set around the moment the test runs (UTC).
import { describe, expect, it } from 'vitest';
import type pg from 'pg';
import { edge, flow, keywordTrigger, node } from '../../test/flow-docs';
import { textMessage } from '../../test/fakes/whatsapp-payloads';
import { eventually, pipelineForFile, sentTexts, type Pipeline } from '../../test/pipeline';

const ALL_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** HH:MM in UTC, `hours` from now. */
const clock = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString().slice(11, 16);

let p: Pipeline;
let db: pg.Client;
const hoursFlow = (keyword: string, from: number, to: number) =>
  flow(
    [
      keywordTrigger(keyword),
      node('hours', 'business_hours', { timezone: 'UTC', periods: [{ days: [...ALL_DAYS], from: clock(from), to: clock(to) }] }),
      node('open', 'transfer', { message: 'Estamos abertos! Já chamo alguém.' }),
      node('closed', 'message', { text: 'Estamos fechados agora; respondemos assim que abrirmos.' }),
    ],
    [edge('start', 'next', 'hours'), edge('hours', 'open', 'open'), edge('hours', 'closed', 'closed')],
  );
pipelineForFile(async (started) => {
  ({ pipeline: p, db } = started);
  await p.publish(hoursFlow('agora', -2, 2), 'Aberto agora');
  await p.publish(hoursFlow('depois', 3, 4), 'Abre mais tarde');
});

describe('business_hours step', () => {
  it('when a customer writes inside the hours, then the chat goes to a person; outside them, the bot says it is closed', async () => {
    const base = 5511955000000 + (Date.now() % 10_000) * 10;
    const inside = { waId: String(base + 1), name: 'Bia' };
    const outside = { waId: String(base + 2), name: 'Caio' };
    await p.wa.inbound(inside, textMessage('agora'));
    await p.wa.inbound(outside, textMessage('depois'));
    await eventually(() => sentTexts(p.wa, inside.waId).length > 0 && sentTexts(p.wa, outside.waId).length > 0);

    expect(sentTexts(p.wa, inside.waId)).toEqual(['Estamos abertos! Já chamo alguém.']);
    expect(sentTexts(p.wa, outside.waId)).toEqual(['Estamos fechados agora; respondemos assim que abrirmos.']);
    const status = async (phone: string) =>
      (await db.query('SELECT c.status FROM conversations c JOIN contacts k ON k.id = c.contact_id WHERE k.phone = $1 AND c.tenant_id = $2', [phone, p.tenantId])).rows[0]?.status;
    await eventually(async () => (await status(inside.waId)) === 'waiting');
    expect(await status(outside.waId)).not.toBe('waiting');
  });
});
