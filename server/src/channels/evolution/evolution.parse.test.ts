import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../inbound-text';
import { evoAnyRecord, evoBatch, evoDataOf, evoEvent, expectStorableItem, expectStorableRejection, field, junk } from '../../../test/inbound-fuzz';
import { parseEvolutionWebhook } from './evolution.parse';

const NOW = new Date('2026-01-02T03:04:05.000Z');
const TS = 1750857384;
const AT = new Date(TS * 1000).toISOString();

const upsert = (key: Record<string, unknown>, message: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  event: 'messages.upsert',
  instance: 'loja1',
  data: { key: { remoteJid: '5511988887777@s.whatsapp.net', fromMe: false, id: 'ABC1', ...key }, pushName: 'Ana', message, messageTimestamp: TS, ...extra },
});
const update = (data: Record<string, unknown>) => ({ event: 'messages.update', instance: 'loja1', data: { keyId: 'OUT1', remoteJid: '5511988887777@s.whatsapp.net', fromMe: true, ...data } });

const ana = { externalId: '5511988887777', phone: '5511988887777', name: 'Ana' };
const content = (type: string, text = '', more: Record<string, unknown> = {}) => ({ type, text, replyId: null, media: null, ...more });

describe('parseEvolutionWebhook: messages.upsert', () => {
  const cases: Array<[string, unknown, unknown[]]> = [
    ['when a customer sends text, then it is a message keyed on key.id', upsert({}, { conversation: 'Oi' }),
      [{ kind: 'message', eventId: 'ABC1', contact: ana, content: content('text', 'Oi'), at: AT, raw: expect.anything() }]],
    ['when the text is in extendedTextMessage, then it is read from there', upsert({}, { extendedTextMessage: { text: 'link https://x.y' } }),
      [{ kind: 'message', eventId: 'ABC1', contact: ana, content: content('text', 'link https://x.y'), at: AT, raw: expect.anything() }]],
    ['when the message was typed on the business phone (fromMe), then it is an echo without the business name', upsert({ fromMe: true }, { conversation: 'Já te atendo' }, { pushName: 'Loja' }),
      [{ kind: 'echo', eventId: 'ABC1', contact: { ...ana, name: null }, content: content('text', 'Já te atendo'), at: AT, raw: expect.anything() }]],
    ['when the chat is a group, then it is ignored', upsert({ remoteJid: '120363025@g.us', participant: '5511@s.whatsapp.net' }, { conversation: 'oi' }), []],
    ['when the chat is a status broadcast, then it is ignored', upsert({ remoteJid: 'status@broadcast' }, { conversation: 'oi' }), []],
    ['when the chat is LID-addressed with the phone JID beside it, then the phone is the contact', upsert({ remoteJid: '123456789012345@lid', remoteJidAlt: '5511988887777@s.whatsapp.net', addressingMode: 'lid' }, { conversation: 'Oi' }),
      [expect.objectContaining({ kind: 'message', contact: ana })]],
    ['when the chat is LID-addressed without a phone, then the LID JID is the contact', upsert({ remoteJid: '123456789012345@lid' }, { conversation: 'Oi' }),
      [expect.objectContaining({ contact: { externalId: '123456789012345@lid', phone: null, name: 'Ana' } })]],
    ['when the JID carries a device suffix, then only the number is kept', upsert({ remoteJid: '5511988887777:12@s.whatsapp.net' }, { conversation: 'Oi' }),
      [expect.objectContaining({ contact: ana })]],
    ['when an image comes with a caption and no inline bytes, then its media is keyed on the message id, to fetch from Evolution', upsert({}, { imageMessage: { url: 'https://mmg.whatsapp.net/enc', mimetype: 'image/jpeg', caption: 'foto' } }),
      [expect.objectContaining({ content: content('image', 'foto', { mimeType: 'image/jpeg', media: { providerMediaId: 'ABC1', mimeType: 'image/jpeg', filename: null, voice: false } }) })]],
    ['when Evolution stored the media (mediaUrl), then media is still keyed on the message id, never on a URL from the webhook', upsert({}, { audioMessage: { mimetype: 'audio/ogg; codecs=opus', ptt: true }, mediaUrl: 'https://s3.example/a.ogg' }),
      [expect.objectContaining({ content: content('audio', '', { mimeType: 'audio/ogg; codecs=opus', media: { providerMediaId: 'ABC1', mimeType: 'audio/ogg; codecs=opus', filename: null, voice: true } }) })]],
    ['when the media comes inline as base64, then media is keyed on the message id, without the bytes', upsert({}, { documentMessage: { mimetype: 'application/pdf', fileName: 'nota.pdf' }, base64: 'JVBERi0=' }),
      [expect.objectContaining({ content: content('document', '', { mimeType: 'application/pdf', fileName: 'nota.pdf', media: { providerMediaId: 'ABC1', mimeType: 'application/pdf', filename: 'nota.pdf', voice: false } }) })]],
    ['when a document has a caption, then the wrapped document is read', upsert({}, { documentWithCaptionMessage: { message: { documentMessage: { mimetype: 'application/pdf', fileName: 'a.pdf', caption: 'segue' } } } }),
      [expect.objectContaining({ content: content('document', 'segue', { mimeType: 'application/pdf', fileName: 'a.pdf', media: { providerMediaId: 'ABC1', mimeType: 'application/pdf', filename: 'a.pdf', voice: false } }) })]],
    ['when a sticker arrives, then its type is kept and its file fetched like any media', upsert({}, { stickerMessage: { mimetype: 'image/webp' } }),
      [expect.objectContaining({ content: content('sticker', '', { mimeType: 'image/webp', media: { providerMediaId: 'ABC1', mimeType: 'image/webp', filename: null, voice: false } }) })]],
    ['when a location arrives, then its coordinates and name are kept', upsert({}, { locationMessage: { degreesLatitude: -23.5, degreesLongitude: -46.6, name: 'Loja' } }),
      [expect.objectContaining({ content: content('location', '', { location: { latitude: -23.5, longitude: -46.6, name: 'Loja', address: null, url: null } }) })]],
    ['when a reaction or protocol message arrives, then it is ignored', upsert({}, { reactionMessage: { text: '👍' } }), []],
    ['when the key has no id, then it is ignored', upsert({ id: undefined }, { conversation: 'oi' }), []],
    ['when the timestamp is missing, then the parse time is used', upsert({}, { conversation: 'oi' }, { messageTimestamp: undefined }),
      [expect.objectContaining({ at: NOW.toISOString() })]],
  ];
  it.each(cases)('%s', (_name, body, expected) => {
    expect(parseEvolutionWebhook(body, NOW).items).toEqual(expected);
  });
});

describe('parseEvolutionWebhook: messages.update and other events', () => {
  const status = (raw: string, status: string, error: unknown = null) => ({
    kind: 'status', eventId: `OUT1:${raw}`, providerMessageId: 'OUT1', status, callbackData: null, error, at: NOW.toISOString(),
  });
  const cases: Array<[string, unknown, unknown[]]> = [
    ['when the server acks, then the message is sent', update({ status: 'SERVER_ACK' }), [status('SERVER_ACK', 'sent')]],
    ['when the phone acks, then it is delivered', update({ status: 'DELIVERY_ACK' }), [status('DELIVERY_ACK', 'delivered')]],
    ['when it is read, then it is read', update({ status: 'READ' }), [status('READ', 'read')]],
    ['when a voice note is played, then it is recorded as played', update({ status: 'PLAYED' }), [status('PLAYED', 'played')]],
    ['when WhatsApp reports an error, then it failed with a reason', update({ status: 'ERROR' }), [status('ERROR', 'failed', { code: 'ERROR', reason: expect.any(String) })]],
    ['when the status is unknown (DELETED, PENDING), then it is ignored', update({ status: 'DELETED' }), []],
    ['when the receipt is for the customer\'s own message, then it is ignored', update({ status: 'READ', fromMe: false }), []],
    ['when a status story or a group message is read, then it is ignored', update({ status: 'READ', remoteJid: 'status@broadcast' }), []],
    ['when send.message reports our own API send, then it is ignored', { event: 'send.message', instance: 'loja1', data: upsert({ fromMe: true }, { conversation: 'Olá' }).data }, []],
    ['when the event is unknown, then it is ignored', { event: 'connection.update', instance: 'loja1', data: { state: 'open' } }, []],
    ['when the body is not an object, then nothing is parsed', 'nonsense', []],
  ];
  it.each(cases)('%s', (_name, body, expected) => {
    expect(parseEvolutionWebhook(body, NOW).items).toEqual(expected);
  });

  it('when the event name is in config form (MESSAGES_UPSERT), then it is still understood', () => {
    const body = { ...upsert({}, { conversation: 'Oi' }), event: 'MESSAGES_UPSERT' };
    expect(parseEvolutionWebhook(body, NOW)).toMatchObject({ instance: 'loja1', items: [{ kind: 'message' }] });
  });
});

describe('parseEvolutionWebhook: malformed items', () => {
  it('when the timestamp is impossible or text carries NUL and lone surrogates, then the message is kept, cleaned', () => {
    const { items } = parseEvolutionWebhook(upsert({}, { conversation: 'a\u0000b\ud800' }, { messageTimestamp: 99999999999999, pushName: 'A\u0000na' }), NOW);
    expect(items).toEqual([{ kind: 'message', eventId: 'ABC1', contact: { ...ana, name: 'Ana' }, content: content('text', 'ab\ufffd'), at: NOW.toISOString(), raw: expect.anything() }]);
  });

  it('when the id, fromMe or the chat is unusable, then the item is rejected with its reason', () => {
    const reasons = (body: unknown) => parseEvolutionWebhook(body, NOW).rejected.map((r) => r.reason);
    expect(reasons(upsert({ id: 'x'.repeat(300) }, { conversation: 'oi' }))).toEqual(['Message without a usable id (key.id)']);
    expect(reasons(upsert({ fromMe: 'no' }, { conversation: 'oi' }))).toEqual(['Message without key.fromMe']);
    expect(reasons(upsert({ remoteJid: ['x'] }, { conversation: 'oi' }))).toEqual(['Message without a usable chat (key.remoteJid)']);
    expect(reasons(update({ keyId: '\u0000', status: 'READ' }))).toEqual(['Status update without a usable message id (keyId)']);
    expect(reasons({ event: 'messages.upsert', data: 'nope' })).toEqual(['messages.upsert without data']);
  });

  it('when the event or status names an Object.prototype member, then nothing is parsed', () => {
    expect(parseEvolutionWebhook({ event: 'constructor', data: { key: {} } }, NOW)).toEqual({ instance: null, items: [], rejected: [] });
    expect(parseEvolutionWebhook(update({ status: 'constructor' }), NOW).items).toEqual([]);
  });
});

describe('parseEvolutionWebhook: properties', () => {
  const anyBody = fc.oneof(junk, fc.record({ event: field(evoEvent), instance: field(fc.constant('loja1')), data: fc.oneof(evoAnyRecord, fc.array(fc.oneof(evoAnyRecord, junk), { maxLength: 4 }), junk) }));

  it('whatever the body, parsing never throws and everything it returns is storable', () => {
    fc.assert(
      fc.property(anyBody, (b) => {
        const { items, rejected } = parseEvolutionWebhook(b, NOW);
        items.forEach((i) => expectStorableItem(i, NOW));
        rejected.forEach(expectStorableRejection);
      }),
      { numRuns: 500 },
    );
  });

  it('whatever junk surrounds them, every well-formed message comes out exactly once, its text cleaned', () => {
    fc.assert(
      fc.property(evoBatch, (batch) => {
        const ids = batch.wellFormed.map((_, i) => `3EB0WELL${i}`);
        const { items } = parseEvolutionWebhook({ event: 'messages.upsert', instance: 'loja1', data: evoDataOf(batch, ids) }, NOW);
        items.forEach((i) => expectStorableItem(i, NOW));
        batch.wellFormed.forEach((w, i) => {
          const found = items.filter((item) => item.eventId === ids[i]);
          expect(found).toHaveLength(1);
          const expectedText = cleanText(w.text);
          // An empty text carries no words: Evolution then has no content we run, as before.
          if (expectedText) expect(found[0]).toMatchObject({ kind: w.fromMe ? 'echo' : 'message', contact: { externalId: w.number }, content: { text: expectedText } });
        });
      }),
      { numRuns: 500 },
    );
  });
});

describe('parseEvolutionWebhook: every kind kept whole', () => {
  const one = (message: Record<string, unknown>, extra: Record<string, unknown> = {}) => parseEvolutionWebhook(upsert({}, message, extra), NOW).items[0];

  it('when a customer reacts or removes a reaction, then it is an update naming the target, never a message', () => {
    expect(one({ reactionMessage: { key: { remoteJid: '5511988887777@s.whatsapp.net', fromMe: true, id: 'OUT9' }, text: '👍' } }))
      .toMatchObject({ kind: 'update', content: { type: 'reaction', reaction: { messageId: 'OUT9', emoji: '👍' } } });
    expect(one({ reactionMessage: { key: { id: 'OUT9' }, text: '' } })).toMatchObject({ kind: 'update', content: { reaction: { messageId: 'OUT9', emoji: null } } });
  });

  it('when a customer edits or deletes a message, then it is an update naming the original', () => {
    expect(one({ editedMessage: { message: { protocolMessage: { key: { id: 'IN1' }, type: 14, editedMessage: { conversation: 'corrigido' } } } } }))
      .toMatchObject({ kind: 'update', content: { type: 'edit', text: 'corrigido', edit: { messageId: 'IN1', text: 'corrigido' } } });
    expect(one({ protocolMessage: { key: { id: 'IN1' }, type: 'REVOKE' } })).toMatchObject({ kind: 'update', content: { type: 'revoke', revoke: { messageId: 'IN1' } } });
    expect(one({ protocolMessage: { key: { id: 'IN1' }, type: 'EPHEMERAL_SETTING' } })).toBeUndefined();
  });

  it('when a contact card arrives, then its name, phones with WhatsApp ids and e-mails are kept', () => {
    const vcard = 'BEGIN:VCARD\nVERSION:3.0\nFN:Maria Souza\nORG:Loja X;\nitem1.TEL;waid=5511977776666:+55 11 97777-6666\nEMAIL;type=INTERNET:maria@example.com\nEND:VCARD';
    expect(one({ contactMessage: { displayName: 'Maria Souza', vcard } })).toMatchObject({
      kind: 'message',
      content: { type: 'contacts', contacts: [{ name: 'Maria Souza', phones: [{ phone: '+55 11 97777-6666', waId: '5511977776666' }], emails: ['maria@example.com'], organization: 'Loja X' }] },
    });
  });

  it('when a reply quotes a message and is forwarded, then the quote and forward marks are kept, with the raw data', () => {
    const item = one({ extendedTextMessage: { text: 'esse', contextInfo: { stanzaId: 'IN7', participant: '5511988887777@s.whatsapp.net', isForwarded: true, forwardingScore: 6 } } });
    expect(item).toMatchObject({ kind: 'message', content: { text: 'esse', context: { messageId: 'IN7' }, forwarded: true, frequentlyForwarded: true }, raw: { key: { id: 'ABC1' } } });
  });
});

describe('parseEvolutionWebhook: ad referrals and played', () => {
  it('when the customer came from a click-to-WhatsApp ad, then the referral is kept', () => {
    const item = parseEvolutionWebhook(upsert({}, { extendedTextMessage: { text: 'Vi o anúncio', contextInfo: { externalAdReply: { title: 'Promo', body: 'Frete grátis', sourceUrl: 'https://fb.me/ad1', sourceId: '120211', mediaType: 'IMAGE', ctwaClid: 'ARAk' } } } }), NOW).items[0];
    expect(item).toMatchObject({ kind: 'message', content: { text: 'Vi o anúncio', referral: { sourceUrl: 'https://fb.me/ad1', sourceId: '120211', headline: 'Promo', body: 'Frete grátis', ctwaClid: 'ARAk' } } });
  });
});

describe('parseEvolutionWebhook: messages.edited and messages.delete', () => {
  // What Evolution 2.3.6 posts: `data` is the Baileys protocol message itself, its key naming the edited message.
  const edited = (p: Record<string, unknown>, key: Record<string, unknown> = {}) => ({
    event: 'messages.edited',
    instance: 'loja1',
    data: { key: { remoteJid: '5511988887777@s.whatsapp.net', fromMe: false, id: 'IN1', ...key }, type: 14, editedMessage: { conversation: 'quero 3 pizzas' }, timestampMs: '1750857500123', ...p },
  });

  it('when a customer edits a message, then it is an update of that message, never a new one, dropped if the message is unknown', () => {
    const parsed = parseEvolutionWebhook(edited({}), NOW);
    expect(parsed.rejected).toEqual([]);
    expect(parsed.items).toEqual([{
      kind: 'update', eventId: 'IN1:edit:1750857500123', contact: { ...ana, name: null },
      content: content('edit', 'quero 3 pizzas', { edit: { messageId: 'IN1', text: 'quero 3 pizzas' } }),
      at: new Date(1750857500000).toISOString(), raw: expect.anything(), ifTargetUnknown: 'drop',
    }]);
  });

  it('when the edit names its type and carries a caption or fromMe, then it is still an update (never an echo that pauses the bot)', () => {
    const caption = parseEvolutionWebhook(edited({ type: 'MESSAGE_EDIT', editedMessage: { imageMessage: { caption: 'nova legenda' } } }, { fromMe: true }), NOW).items;
    expect(caption).toEqual([expect.objectContaining({ kind: 'update', content: expect.objectContaining({ edit: { messageId: 'IN1', text: 'nova legenda' } }) })]);
  });

  it('when the same edit is posted again, then it has the same id; a second edit of the message has its own', () => {
    const once = parseEvolutionWebhook(edited({}), NOW).items[0]!.eventId;
    expect(parseEvolutionWebhook(edited({}), NOW).items[0]!.eventId).toBe(once);
    expect(parseEvolutionWebhook(edited({ timestampMs: '1750857600000' }), NOW).items[0]!.eventId).not.toBe(once);
    const noStamp = (text: string) => parseEvolutionWebhook(edited({ timestampMs: undefined, editedMessage: { conversation: text } }), NOW).items[0]!.eventId;
    expect(noStamp('a')).toBe(noStamp('a'));
    expect(noStamp('a')).not.toBe(noStamp('b'));
  });

  it('when other protocol messages come on messages.edited (deletion, history sync, settings), then nothing is made of them', () => {
    for (const type of [0, 'REVOKE', 5, 'HISTORY_SYNC_NOTIFICATION', 3, 'EPHEMERAL_SETTING', 6]) {
      expect(parseEvolutionWebhook(edited({ type, editedMessage: undefined }, { fromMe: true }), NOW)).toEqual({ instance: 'loja1', items: [], rejected: [] });
    }
  });

  it('when an edit is in a group or has no message id, then it is skipped or set aside', () => {
    expect(parseEvolutionWebhook(edited({}, { remoteJid: '120363025@g.us' }), NOW).items).toEqual([]);
    expect(parseEvolutionWebhook(edited({}, { id: undefined }), NOW).rejected).toEqual([expect.objectContaining({ reason: 'Edit without a usable message id (key.id)' })]);
  });

  it('when an older Evolution posts the whole record with the protocol message inside, then the edit is read from there', () => {
    const body = { ...upsert({ id: 'EDIT1' }, { protocolMessage: { key: { id: 'IN1' }, type: 'MESSAGE_EDIT', editedMessage: { conversation: 'novo' } } }), event: 'messages.edited' };
    expect(parseEvolutionWebhook(body, NOW).items).toEqual([expect.objectContaining({ kind: 'update', contact: { ...ana, name: null }, content: expect.objectContaining({ edit: { messageId: 'IN1', text: 'novo' } }) })]);
  });

  it('when an edit made on the business phone comes as an upsert, then it is an update, not an echo', () => {
    const body = upsert({ fromMe: true }, { protocolMessage: { key: { id: 'OUT9' }, type: 14, editedMessage: { conversation: 'corrigido' } } });
    expect(parseEvolutionWebhook(body, NOW).items).toEqual([expect.objectContaining({ kind: 'update', ifTargetUnknown: 'drop', content: expect.objectContaining({ edit: { messageId: 'OUT9', text: 'corrigido' } }) })]);
  });

  it('when the customer deletes a message, then it is a revoke update keyed apart from the message itself', () => {
    const body = { event: 'messages.delete', instance: 'loja1', data: { remoteJid: '5511988887777@s.whatsapp.net', fromMe: false, id: 'IN1' } };
    expect(parseEvolutionWebhook(body, NOW).items).toEqual([expect.objectContaining({ kind: 'update', eventId: 'IN1:revoke', contact: { ...ana, name: null }, content: expect.objectContaining({ type: 'revoke', revoke: { messageId: 'IN1' } }) })]);
    expect(parseEvolutionWebhook({ ...body, data: { ...body.data, fromMe: true } }, NOW).items).toEqual([]);
  });
});
