// fast-check material for the inbound parsers: hostile strings and numbers, junk of every JSON type
// (deeply nested too), provider payloads whose every field may be junk or missing, and well-formed
// messages mixed in that must always come out (and be stored) exactly once.
import fc from 'fast-check';
import { expect } from 'vitest';
import type { InboundItem } from '../src/channels/channel-adapter';
import type { Rejection } from '../src/channels/inbound-rejection';
import { MAX_ID } from '../src/channels/inbound-text';
import { isStorable } from '../src/db/storable-text';

/** Code units PostgreSQL refuses (NUL, lone surrogates) and others that break naive handling. */
const nasty = fc.constantFrom('\u0000', '\ud800', '\udbff', '\udc00', '\udfff', '\ud83d', '\ude00', '😀', 'é', '\n', '\r\n', '\u202e', '\ufeff', '"', '\\', "'", '\u007f', '%s');
export const hostileString = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.string({ maxLength: 6 }) }, { weight: 2, arbitrary: nasty }), { maxLength: 10 })
  .map((parts) => parts.join(''));
const longString = fc.integer({ min: 257, max: 5_000 }).map((n) => 'x'.repeat(n));

export const hugeNumber = fc.oneof(
  fc.constantFrom(99999999999999, 1e21, -1, 0, 2 ** 53 + 1, 1e308, -1e308, 8.64e12, 0.5, 1750857384),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);
const timestampLike = fc.oneof(hugeNumber, hugeNumber.map(String), fc.constantFrom('99999999999999', '1e400', '-5', '', ' 1750857384', '0x10', '1750857384'));

/** Arrays or objects nested thousands of levels deep, built without recursion. */
export const deepJunk = fc.tuple(fc.integer({ min: 20, max: 3000 }), fc.boolean()).map(([depth, asArray]) => {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v };
  return v;
});

export const junk: fc.Arbitrary<unknown> = fc.oneof(
  hostileString, longString, hugeNumber, fc.boolean(), fc.constant(null), fc.constant(undefined),
  fc.array(hostileString, { maxLength: 3 }), fc.dictionary(hostileString, hostileString, { maxKeys: 3 }), deepJunk, fc.jsonValue({ maxDepth: 3 }),
);

/** Mostly the valid value, sometimes junk or missing. */
export const field = <T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 5, arbitrary: valid }, { weight: 2, arbitrary: junk }, { weight: 1, arbitrary: fc.constant(undefined) });

const digits = fc.stringMatching(/^55\d{11}$/);
const mediaType = fc.constantFrom('image', 'audio', 'video', 'document', 'sticker');

// ---- WhatsApp Cloud --------------------------------------------------------------------------

/** A message that must always be stored: usable id and sender, any text, any timestamp. */
export const waWellFormed = fc.record({
  from: digits,
  timestamp: field(timestampLike),
  kind: fc.constantFrom('text', 'image', 'interactive', 'location'),
  text: hostileString,
  name: field(hostileString),
});
export type WaWellFormed = typeof waWellFormed extends fc.Arbitrary<infer T> ? T : never;

export function waMessageOf(w: WaWellFormed, id: string): Record<string, unknown> {
  const base = { from: w.from, id, timestamp: w.timestamp, type: w.kind };
  if (w.kind === 'text') return { ...base, text: { body: w.text } };
  if (w.kind === 'image') return { ...base, image: { id: `media-${id.slice(-12)}`, mime_type: w.text, caption: w.text } };
  if (w.kind === 'interactive') return { ...base, interactive: { type: 'button_reply', button_reply: { id: w.text, title: w.text } } };
  return { ...base, location: { latitude: w.text, longitude: -46.6, name: w.text } };
}

/** Any message-shaped object: every field valid, junk or missing. */
export const waAnyMessage = fc.record(
  {
    from: field(digits), from_user_id: field(hostileString), id: field(hostileString), timestamp: field(timestampLike),
    type: field(fc.oneof(mediaType, fc.constantFrom('text', 'interactive', 'button', 'location', 'system', 'reaction', '__proto__', 'constructor'))),
    text: field(fc.record({ body: field(hostileString) })),
    image: field(fc.record({ id: field(hostileString), mime_type: field(hostileString), caption: field(hostileString), filename: field(hostileString) })),
    document: field(fc.record({ id: field(hostileString), mime_type: field(hostileString), filename: field(longString) })),
    interactive: field(fc.record({ type: field(hostileString), button_reply: field(fc.record({ id: field(hostileString), title: field(hostileString) })) })),
    button: field(fc.record({ payload: field(hostileString), text: field(hostileString) })),
    location: field(fc.record({ latitude: junk, longitude: junk, name: field(hostileString), address: field(hostileString) })),
  },
  { requiredKeys: [] },
);

export const waAnyStatus = fc.record(
  {
    id: field(hostileString), status: field(fc.constantFrom('sent', 'delivered', 'read', 'failed', 'played', 'constructor')), timestamp: field(timestampLike),
    biz_opaque_callback_data: field(hostileString), errors: field(fc.array(fc.record({ code: junk, title: field(hostileString), error_data: field(fc.record({ details: junk })) }), { maxLength: 2 })),
  },
  { requiredKeys: [] },
);

export const waContacts = field(fc.array(fc.record({ wa_id: field(digits), user_id: field(hostileString), profile: field(fc.record({ name: field(hostileString) })) }), { maxLength: 3 }));

/** One change's content: well-formed messages (ids assigned later) among junk ones, statuses, junk lists. */
export const waBatch = fc.record({
  wellFormed: fc.array(waWellFormed, { minLength: 1, maxLength: 4 }),
  junkMessages: fc.array(fc.oneof(waAnyMessage, junk), { maxLength: 4 }),
  statuses: fc.oneof(fc.array(fc.oneof(waAnyStatus, junk), { maxLength: 2 }), junk),
  contacts: waContacts,
  seed: fc.nat(),
});
export type WaBatch = typeof waBatch extends fc.Arbitrary<infer T> ? T : never;

/** The messages list of a batch: well-formed ones get `ids`, and everything is shuffled by `seed`. */
export function waMessagesOf(batch: WaBatch, ids: string[]): unknown[] {
  const all: unknown[] = [...batch.junkMessages];
  batch.wellFormed.forEach((w, i) => all.splice((batch.seed + i * 7) % (all.length + 1), 0, waMessageOf(w, ids[i]!)));
  return all;
}

// ---- Evolution -------------------------------------------------------------------------------

export const evoWellFormed = fc.record({ number: digits, fromMe: fc.boolean(), text: hostileString, timestamp: field(timestampLike), pushName: field(hostileString) });
export type EvoWellFormed = typeof evoWellFormed extends fc.Arbitrary<infer T> ? T : never;

export const evoRecordOf = (w: EvoWellFormed, id: string) => ({
  key: { remoteJid: `${w.number}@s.whatsapp.net`, fromMe: w.fromMe, id },
  pushName: w.pushName,
  message: { conversation: w.text },
  messageType: 'conversation',
  messageTimestamp: w.timestamp,
});

export const evoAnyRecord = fc.record(
  {
    key: field(fc.record({ remoteJid: field(fc.oneof(digits.map((d) => `${d}@s.whatsapp.net`), hostileString, fc.constant('1203@g.us'))), fromMe: field(fc.boolean()), id: field(hostileString), remoteJidAlt: field(hostileString) }, { requiredKeys: [] })),
    pushName: field(hostileString),
    message: field(fc.record({
      conversation: field(hostileString), extendedTextMessage: field(fc.record({ text: field(hostileString) })),
      imageMessage: field(fc.record({ mimetype: field(hostileString), caption: field(hostileString), fileName: field(longString) })),
      locationMessage: field(fc.record({ degreesLatitude: junk, degreesLongitude: junk, name: field(hostileString) })),
      buttonsResponseMessage: field(fc.record({ selectedButtonId: field(hostileString), selectedDisplayText: field(hostileString) })),
      mediaUrl: field(hostileString), base64: field(hostileString),
    }, { requiredKeys: [] })),
    messageTimestamp: field(timestampLike),
    keyId: field(hostileString), status: field(fc.constantFrom('READ', 'DELIVERY_ACK', 'ERROR', 'PLAYED', 'constructor', 'toString')), remoteJid: field(hostileString), fromMe: field(fc.boolean()),
  },
  { requiredKeys: [] },
);

export const evoEvent = fc.constantFrom('messages.upsert', 'MESSAGES_UPSERT', 'messages.update', 'send.message', 'constructor', '__proto__', 'connection.update');

export const evoBatch = fc.record({
  wellFormed: fc.array(evoWellFormed, { minLength: 1, maxLength: 4 }),
  junk: fc.array(fc.oneof(evoAnyRecord, junk), { maxLength: 4 }),
  seed: fc.nat(),
});
export type EvoBatch = typeof evoBatch extends fc.Arbitrary<infer T> ? T : never;

export function evoDataOf(batch: EvoBatch, ids: string[]): unknown[] {
  const all: unknown[] = [...batch.junk];
  batch.wellFormed.forEach((w, i) => all.splice((batch.seed + i * 5) % (all.length + 1), 0, evoRecordOf(w, ids[i]!)));
  return all;
}

// ---- what every parser's output must satisfy ------------------------------------------------------

/** Every string (keys included) that PostgreSQL would refuse in text or jsonb. */
function unstorableStrings(value: unknown): string[] {
  const bad: string[] = [];
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (!isStorable(v)) bad.push(v);
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (!isStorable(k)) bad.push(k);
        stack.push(x);
      }
    }
  }
  return bad;
}

const EARLIEST = Date.UTC(2009, 0, 1);

/** PostgreSQL accepts it as text/jsonb and as index keys; its time is a real, plausible instant. */
export function expectStorableItem(item: InboundItem, now: Date) {
  const at = new Date(item.at);
  const keyLength = item.kind === 'status' ? item.providerMessageId.length : item.contact.externalId.length;
  const ok = unstorableStrings(item).length === 0 && item.eventId.length <= MAX_ID + 20 && keyLength <= MAX_ID
    && !Number.isNaN(at.getTime()) && at.toISOString() === item.at && at.getTime() >= EARLIEST && at.getTime() <= now.getTime() + 86_400_000;
  // One assertion per item keeps 500 runs fast; the message shows the whole item when it fails.
  if (!ok) expect.fail(`not storable: ${JSON.stringify(item)}`);
}

export function expectStorableRejection(r: Rejection) {
  if (unstorableStrings(r).length > 0 || JSON.stringify(r).length >= 16_000) expect.fail(`rejection not storable or too big: ${JSON.stringify(r).slice(0, 500)}`);
}
