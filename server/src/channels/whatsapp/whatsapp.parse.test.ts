import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../inbound-text';
import {
  expectStorableItem, expectStorableRejection, field, junk, waAnyMessage, waBatch, waContacts, waMessagesOf,
} from '../../../test/inbound-fuzz';
import { parseWhatsAppWebhook } from './whatsapp.parse';

const NOW = new Date('2026-03-04T05:06:07.000Z');
const body = (value: Record<string, unknown>) => ({
  object: 'whatsapp_business_account',
  entry: [{ id: 'W', changes: [{ field: 'messages', value: { metadata: { phone_number_id: '1065' }, ...value } }] }],
});
const text = (id: string, text: unknown, extra: Record<string, unknown> = {}) => ({ from: '5511988887777', id, timestamp: '1750857384', type: 'text', text: { body: text }, ...extra });
const parse = (value: Record<string, unknown>) => parseWhatsAppWebhook(body(value), NOW)[0]!;

describe('parseWhatsAppWebhook: malformed items', () => {
  it('when a timestamp is impossible (past year 275760) or implausible, then the receipt time is used', () => {
    const { items } = parse({ messages: [text('a', 'x', { timestamp: '99999999999999' }), text('b', 'x', { timestamp: '4102444800' }), text('c', 'x', { timestamp: '12' })] });
    expect(items.map((i) => i.at)).toEqual([NOW.toISOString(), NOW.toISOString(), NOW.toISOString()]);
    expect(parse({ messages: [text('d', 'x')] }).items[0]!.at).toBe('2025-06-25T13:16:24.000Z');
  });

  it('when text carries NUL or lone surrogates, then it is cleaned, not refused', () => {
    const { items, rejected } = parse({ messages: [text('a', 'a\u0000b'), text('b', 'x\ud800y\udc00'), text('c', 'ok 😀')] });
    expect(items.map((i) => i.kind !== 'status' && i.content.text)).toEqual(['ab', 'x\ufffdy\ufffd', 'ok 😀']);
    expect(rejected).toEqual([]);
  });

  it('when an id is unusable (NUL, too long for an index, not a string), then that item is rejected and its siblings kept', () => {
    const { items, rejected } = parse({
      messages: [text('wamid.\u0000', 'a'), text('x'.repeat(300), 'b'), text({ deep: [1] } as unknown as string, 'c'), text('ok', 'd')],
      statuses: [{ id: 'ok', status: 'read', timestamp: '1' }, { status: 'read' }, { id: 's', status: { x: 1 } }],
    });
    expect(items.map((i) => i.eventId)).toEqual(['ok', 'ok:read']);
    expect(rejected.map((r) => r.reason)).toEqual([
      'Message id is missing or malformed', 'Message id is missing or malformed', 'Message id is missing or malformed',
      'Status without a usable message id', 'Status without a status name',
    ]);
    expect(JSON.stringify(rejected[1]!.sample).length).toBeLessThan(400);
  });

  it('when a text message has no body or a list is not a list, then that is rejected with its reason', () => {
    expect(parse({ messages: [text('a', 42)] }).rejected[0]!.reason).toBe('Text message without a text body');
    expect(parse({ messages: { id: 'a' } }).rejected[0]!.reason).toBe('"messages" is not a list');
  });

  it('when coordinates or an error code are deeply nested junk, then nothing throws', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 20_000; i++) deep = [deep];
    const { items } = parse({
      messages: [{ from: '5511988887777', id: 'loc', timestamp: '1', type: 'location', location: { latitude: deep, longitude: '-46.6' } }],
      statuses: [{ id: 'f', status: 'failed', errors: [{ code: deep, error_data: { details: deep } }] }],
    });
    expect(items[0]).toMatchObject({ content: { text: '', location: { latitude: null, longitude: -46.6 } } });
    expect(items[1]).toMatchObject({ error: { code: 'unknown', reason: 'Delivery failed' } });
  });

  it('when a media type or file name is hostile, then the type falls back to binary and the name is cleaned', () => {
    const { items } = parse({ messages: [{ from: '5511988887777', id: 'm', type: 'document', document: { id: '77', mime_type: 'text/html\r\nX-A: b', filename: 'a\u0000.pdf' } }] });
    expect(items[0]).toMatchObject({ content: { media: { providerMediaId: '77', mimeType: 'application/octet-stream', filename: 'a.pdf' } } });
  });

  it('when a batch lists several contacts, then each message keeps its own sender', () => {
    const contacts = [{ wa_id: '5511000000001', user_id: 'BR.1', profile: { name: 'Ana' } }, { wa_id: '5511000000002', profile: { name: 'Bia' } }];
    const { items } = parse({ contacts, messages: [text('a', 'x', { from: '5511000000002' }), text('b', 'x', { from: '5511000000003' })] });
    expect(items.map((i) => i.kind !== 'status' && i.contact)).toEqual([
      { externalId: '5511000000002', phone: '5511000000002', name: 'Bia' },
      { externalId: '5511000000003', phone: '5511000000003', name: null },
    ]);
  });
});

describe('parseWhatsAppWebhook: properties', () => {
  const anyBody = fc.oneof(
    junk,
    fc.record({ entry: field(fc.array(fc.record({ changes: field(fc.array(fc.record({ field: field(fc.constant('messages')), value: field(fc.record({
      metadata: field(fc.record({ phone_number_id: field(fc.constant('1065')) })), contacts: waContacts,
      messages: field(fc.array(fc.oneof(waAnyMessage, junk), { maxLength: 5 })), statuses: junk,
    })) }), { maxLength: 2 })) }), { maxLength: 2 })) }),
  );

  it('whatever the body, parsing never throws and everything it returns is storable', () => {
    fc.assert(
      fc.property(anyBody, (b) => {
        for (const change of parseWhatsAppWebhook(b, NOW)) {
          change.items.forEach((i) => expectStorableItem(i, NOW));
          change.rejected.forEach(expectStorableRejection);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('whatever junk surrounds them, every well-formed message comes out exactly once, its text cleaned', () => {
    fc.assert(
      fc.property(waBatch, (batch) => {
        const ids = batch.wellFormed.map((_, i) => `wamid.well-${i}`);
        const [change] = parseWhatsAppWebhook(body({ contacts: batch.contacts, messages: waMessagesOf(batch, ids), statuses: batch.statuses }), NOW);
        change!.items.forEach((i) => expectStorableItem(i, NOW));
        batch.wellFormed.forEach((w, i) => {
          const found = change!.items.filter((item) => item.eventId === ids[i]);
          expect(found).toHaveLength(1);
          expect(found[0]).toMatchObject({ kind: 'message', contact: { externalId: w.from } });
          if (w.kind === 'text') expect(found[0]).toMatchObject({ content: { text: cleanText(w.text) ?? '' } });
        });
      }),
      { numRuns: 500 },
    );
  });
});
