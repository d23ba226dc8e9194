// Every WhatsApp Cloud API inbound type and event through the signed webhook, each delivered twice:
// stored once with its whole content and a readable text; only customer messages are answered;
// edits and deletions change the original; echoes from the business app pause the bot; one person
// stays one contact.
import { afterAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { edge, flow, node } from '../../../test/flow-docs';
import { api } from '../../../test/harness';
import { FIXTURES, TARGET_TEXT } from '../../../test/fakes/whatsapp-fixtures';
import { envelope, imageMessage, metaJson, signMeta, textMessage, wamid } from '../../../test/fakes/whatsapp-payloads';
import { phoneNumberIdFor } from '../../../test/fakes/fake-whatsapp';
import { APP_SECRET, eventually, pipelineForFile, sentTexts, type Pipeline } from '../../../test/pipeline';

let p: Pipeline;
let db: pg.Client;

pipelineForFile(async (started) => {
  ({ pipeline: p, db } = started);
  await p.publish(flow([node('start', 'trigger', { fallback: true }), node('say', 'message', { text: 'recebido' })], [edge('start', 'next', 'say')]));
});
// Runs before the pipeline stops (after-all hooks run last registered first).
afterAll(() => {
  if (process.env.DEBUG_LOGS) console.log(p.app.logs.lines.filter((l) => /error|warn/i.test(l)).slice(0, 8).join('\n'));
});

const rowOf = async (pid: string) => (await db.query('SELECT * FROM messages WHERE provider_message_id = $1', [pid])).rows[0];
const stored = (pid: string) => eventually(() => rowOf(pid));
const rows = async (sql: string, params: unknown[]) => (await db.query(sql, params)).rows;

/** Sends a message twice, exactly as Meta retries: the same signed bytes. */
async function twice(contact: { waId?: string; userId?: string; name?: string }, message: Record<string, unknown>) {
  const first = await p.wa.inbound(contact, message);
  expect(first.status).toBe(200);
  expect(await p.wa.postRaw(first.raw, signMeta(first.raw, APP_SECRET))).toBe(200);
  return first;
}

/** Posts a signed change of any field (smb_message_echoes, account_update, …). */
async function postChange(field: string, value: Record<string, unknown>) {
  const body = envelope(phoneNumberIdFor, value);
  body.entry[0]!.changes[0]!.field = field;
  const raw = metaJson(body);
  return p.wa.postRaw(raw, signMeta(raw, APP_SECRET));
}

const quiet = () => new Promise((r) => setTimeout(r, 700));

describe('every inbound type', () => {
  it('when each type is delivered twice, then it is stored once with its content, raw payload and readable text, and only messages are answered', async () => {
    const contact = { waId: '5511911110001', name: 'Ana' };
    const target = await twice(contact, textMessage(TARGET_TEXT));
    await stored(target.id);
    for (const f of FIXTURES) {
      const sent = await twice(contact, f.message(target.id));
      const row = await stored(sent.id);
      expect({ name: f.name, type: row.type, text: row.text }).toEqual({ name: f.name, type: f.type, text: f.text(TARGET_TEXT) });
      expect(row.payload).toMatchObject(JSON.parse(JSON.stringify(f.payload).replaceAll('TARGET', target.id)));
      expect(row.raw).toMatchObject({ id: sent.id, from: contact.waId });
      expect((await rows('SELECT id FROM messages WHERE provider_message_id = $1', [sent.id])).length).toBe(1);
    }
    const answered = 1 + FIXTURES.filter((f) => f.answered).length;
    await eventually(() => sentTexts(p.wa, contact.waId).length >= answered, 30_000);
    await quiet();
    expect(sentTexts(p.wa, contact.waId).length).toBe(answered);
    // The reaction attached itself to its target.
    expect((await rowOf(target.id)).payload.reactions).toEqual([expect.objectContaining({ by: 'contact', emoji: '👍' })]);
  }, 90_000);

  it('when an image is followed by a reaction, an edit and a deletion, then exactly one reply is sent and the original is edited then marked deleted', async () => {
    const contact = { waId: '5511911110002', name: 'Bia' };
    const image = await twice(contact, imageMessage('77001', 'camisa azul'));
    await stored(image.id);
    await twice(contact, { type: 'reaction', reaction: { message_id: image.id, emoji: '❤️' } });
    const edit = await twice(contact, { type: 'edit', edit: { original_message_id: image.id, message: { type: 'image', image: { caption: 'camisa verde' } } } });
    await eventually(async () => (await rowOf(image.id)).edited_at);
    expect(await rowOf(image.id)).toMatchObject({ text: 'camisa verde', payload: expect.objectContaining({ text: 'camisa verde', edited: expect.objectContaining({ previousText: 'camisa azul' }) }) });
    await twice(contact, { type: 'revoke', revoke: { original_message_id: image.id } });
    await eventually(async () => (await rowOf(image.id)).deleted_at);
    expect(await rowOf(image.id)).toMatchObject({ text: 'Mensagem apagada', raw: null, payload: expect.objectContaining({ text: '', deleted: expect.anything() }) });
    expect(await rowOf(edit.id)).toBeUndefined();
    await quiet();
    expect(sentTexts(p.wa, contact.waId)).toEqual(['recebido']);
    const events = await rows(`SELECT type FROM domain_events WHERE payload->>'messageId' = $1 ORDER BY id`, [(await rowOf(image.id)).id]);
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['message.reacted', 'message.edited', 'message.deleted']));
    const reactionRemoved = await twice(contact, { type: 'reaction', reaction: { message_id: image.id, emoji: '' } });
    await stored(reactionRemoved.id);
    await eventually(async () => (await rowOf(image.id)).payload.reactions?.length === 0);
    expect((await rowOf(reactionRemoved.id)).text).toBe('Removeu uma reação');
  }, 60_000);
});

describe('echoes from the WhatsApp Business app', () => {
  it('when the business replies from the phone (smb_message_echoes), then it is stored as the business message and the bot pauses', async () => {
    const contact = { waId: '5511911110003', name: 'Caio' };
    await twice(contact, textMessage('oi'));
    await eventually(() => sentTexts(p.wa, contact.waId).length === 1);
    const id = wamid();
    const echo = { from: '15550000000', to: contact.waId, id, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body: 'Oi Caio, aqui é a Júlia' } };
    for (let i = 0; i < 2; i++) expect(await postChange('smb_message_echoes', { message_echoes: [echo] })).toBe(200);
    const row = await stored(id);
    expect(row).toMatchObject({ direction: 'out', author: 'agent', status: 'sent', text: 'Oi Caio, aqui é a Júlia' });
    const conv = (await rows('SELECT status FROM conversations WHERE id = $1', [row.conversation_id]))[0];
    expect(conv.status).toBe('human');
    await twice(contact, textMessage('obrigado'));
    await quiet();
    expect(sentTexts(p.wa, contact.waId)).toHaveLength(1);
    // A photo sent from the app is stored and fetched like a customer's.
    p.wa.addMedia('echo-photo-1', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]), 'image/jpeg');
    const photoId = wamid();
    const photo = { ...echo, id: photoId, type: 'image', text: undefined, image: { id: 'echo-photo-1', mime_type: 'image/jpeg', sha256: 'x', caption: 'segue a foto' } };
    expect(await postChange('smb_message_echoes', { message_echoes: [photo] })).toBe(200);
    expect(await stored(photoId)).toMatchObject({ author: 'agent', type: 'image', text: 'segue a foto' });
    await eventually(() => p.wa.mediaFetches.includes('echo-photo-1'));
  });

  it('when an echo already stored is retried after the chat went back to the bot, then the bot is not paused again', async () => {
    const contact = { waId: '5511911110004', name: 'Duda' };
    await twice(contact, textMessage('oi'));
    await eventually(() => sentTexts(p.wa, contact.waId).length === 1);
    const id = wamid();
    const echo = { from: '15550000000', to: contact.waId, id, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body: 'Já te respondo, Duda' } };
    expect(await postChange('smb_message_echoes', { message_echoes: [echo] })).toBe(200);
    const row = await stored(id);
    await eventually(async () => (await rows('SELECT status FROM conversations WHERE id = $1', [row.conversation_id]))[0].status === 'human');
    expect((await api(p.app, 'POST', `/v1/conversations/${row.conversation_id}/handback`, {}, p.token)).status).toBe(200);
    const [event] = await rows(
      "UPDATE inbound_events SET status = 'failed', error = 'handler_failed: test' WHERE tenant_id = $1 AND provider_event_id = $2 RETURNING id", [p.tenantId, id]);
    expect((await api(p.app, 'POST', `/v1/operations/failures/events/${event.id}/retry`, {}, p.token)).status).toBe(202);
    await eventually(async () => (await rows('SELECT status FROM inbound_events WHERE id = $1', [event.id]))[0].status === 'processed');
    expect((await rows('SELECT status FROM conversations WHERE id = $1', [row.conversation_id]))[0].status).toBe('bot');
    const paused = await rows("SELECT id FROM domain_events WHERE tenant_id = $1 AND type = 'conversation.bot_paused' AND payload->>'conversationId' = $2", [p.tenantId, row.conversation_id]);
    expect(paused).toHaveLength(1);
  });
});

describe('one contact per person', () => {
  const contactsOf = (phone: string, userId: string) =>
    rows(`SELECT id FROM contacts WHERE tenant_id = $1 AND (phone = $2 OR external_id = $3 OR $3 = ANY(aliases))`, [p.tenantId, phone, userId]);

  it('when a phone is seen first without and then with a business-scoped id, then it is one contact and one conversation', async () => {
    const phone = '5511911110004';
    const a = await twice({ waId: phone }, textMessage('um'));
    const b = await twice({ waId: phone, userId: 'BR.1111000400' }, textMessage('dois'));
    const [ra, rb] = [await stored(a.id), await stored(b.id)];
    expect(rb.conversation_id).toBe(ra.conversation_id);
    expect(await contactsOf(phone, 'BR.1111000400')).toHaveLength(1);
  });

  it('when a business-scoped id is seen first and the bare phone later, then it is one contact and one conversation', async () => {
    const phone = '5511911110005';
    const a = await twice({ waId: phone, userId: 'BR.1111000500' }, textMessage('um'));
    const b = await twice({ waId: phone }, textMessage('dois'));
    expect((await stored(b.id)).conversation_id).toBe((await stored(a.id)).conversation_id);
    expect(await contactsOf(phone, 'BR.1111000500')).toHaveLength(1);
  });

  it('when one person already became two contacts (phone alone, user id alone), then the message naming both merges them into one', async () => {
    const phone = '5511911110010';
    const userId = 'BR.1111001000';
    const a = await twice({ waId: phone }, textMessage('pelo telefone'));
    const first = await stored(a.id);
    const b = await twice({ userId }, textMessage('pelo usuário'));
    const second = await stored(b.id);
    expect(second.conversation_id).not.toBe(first.conversation_id);
    // What was known of the phone-only contact is the person's: it must survive the merge.
    await rows(`UPDATE contacts SET tags = '{vip}', attributes = '{"cidade":"Recife"}', opted_out_at = now(), opted_out_via = 'keyword'
      WHERE id = (SELECT contact_id FROM conversations WHERE id = $1)`, [first.conversation_id]);
    const c = await twice({ waId: phone, userId }, textMessage('os dois'));
    const third = await stored(c.id);
    // The message lands in the contact keyed on its user id; the other thread is kept, closed.
    expect(third.conversation_id).toBe(second.conversation_id);
    await eventually(async () => (await contactsOf(phone, userId)).length === 1);
    const [kept] = await contactsOf(phone, userId);
    const threads = await rows('SELECT id, status FROM conversations WHERE contact_id = $1 ORDER BY created_at', [kept.id]);
    expect(threads.map((t) => [t.id, t.status])).toEqual([[first.conversation_id, 'closed'], [second.conversation_id, 'bot']]);
    const merged = await rows(`SELECT payload FROM domain_events WHERE type = 'contact.updated' AND payload->>'contactId' = $1 AND payload ? 'mergedContactIds'`, [kept.id]);
    expect(merged).toHaveLength(1);
    const [person] = await rows('SELECT tags, attributes, opted_out_at, opted_out_via FROM contacts WHERE id = $1', [kept.id]);
    expect(person).toMatchObject({ tags: ['vip'], attributes: { cidade: 'Recife' }, opted_out_via: 'keyword' });
    expect(person.opted_out_at).not.toBeNull();
  });

  it('when the customer changes number, then the new number continues the same contact and thread, and replies go to it', async () => {
    const old = '5511911110006';
    const fresh = '5511911110099';
    const a = await twice({ waId: old, name: 'Duda' }, textMessage('oi'));
    const system = await twice({ waId: old, name: 'Duda' }, { type: 'system', system: { body: `User Duda changed from ${old} to ${fresh}`, wa_id: fresh, type: 'user_changed_number' } });
    const note = await stored(system.id);
    expect(note).toMatchObject({ author: 'system', type: 'system', text: `Mudou o número para +${fresh}` });
    const b = await twice({ waId: fresh, name: 'Duda' }, textMessage('sou eu, número novo'));
    expect((await stored(b.id)).conversation_id).toBe((await stored(a.id)).conversation_id);
    await eventually(() => sentTexts(p.wa, fresh).length === 1);
    const changed = await rows(`SELECT payload FROM domain_events WHERE type = 'contact.number_changed' AND payload->>'newPhone' = $1`, [fresh]);
    expect(changed).toHaveLength(1);
  });

  it('when contacts[0] names someone else than the message\'s from, then the sender is from', async () => {
    const value = {
      contacts: [{ profile: { name: 'Outra' }, wa_id: '5511911110098' }],
      messages: [{ from: '5511911110007', id: wamid(), timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body: 'oi' } }],
    };
    expect(await postChange('messages', value)).toBe(200);
    const row = await stored(value.messages[0]!.id);
    const contact = (await rows('SELECT c.phone, c.name FROM contacts c JOIN conversations v ON v.contact_id = c.id WHERE v.id = $1', [row.conversation_id]))[0];
    expect(contact).toEqual({ phone: '5511911110007', name: null });
  });
});

describe('statuses and channel health', () => {
  it('when a voice note we sent is played, then played is recorded', async () => {
    const contact = { waId: '5511911110008' };
    await twice(contact, textMessage('oi'));
    const [send] = await eventually(() => {
      const s = p.wa.sends.filter((x) => x.body.to === contact.waId);
      return s.length ? s : null;
    });
    await eventually(async () => (await rowOf(send!.id))?.status === 'sent');
    expect(await p.wa.status(send!.id, 'played', contact.waId)).toBe(200);
    await eventually(async () => (await rowOf(send!.id)).status === 'played');
  });

  it('when Meta reports a value-level error or an account event, then the channel shows it as its health line', async () => {
    const error = { code: 130429, title: 'Rate limit hit', message: 'Rate limit hit', error_data: { details: 'Cloud API message throughput has been reached.' } };
    expect(await postChange('messages', { errors: [error] })).toBe(200);
    const health = await eventually(async () => (await api(p.app, 'GET', `/v1/channels/${p.channelId}`, undefined, p.token)).body.health);
    expect(health).toMatchObject({ kind: 'error', code: '130429', message: 'Cloud API message throughput has been reached.', severity: 'warning' });
    expect(await postChange('account_update', { phone_number: '15550000000', event: 'ACCOUNT_RESTRICTION', restriction_info: [{ restriction_type: 'RESTRICTED_BIZ_INITIATED_MESSAGING' }] })).toBe(200);
    const after = (await api(p.app, 'GET', '/v1/channels', undefined, p.token)).body;
    const listed = (Array.isArray(after) ? after : after.items).find((c: { id: string }) => c.id === p.channelId);
    expect(listed.health).toMatchObject({ kind: 'account', code: 'ACCOUNT_RESTRICTION', severity: 'critical' });
  });

  it('when Meta says the number\'s messaging limit, then the channel keeps it, for campaigns to stay under', async () => {
    expect(await postChange('phone_number_quality_update', { display_phone_number: '15550000000', event: 'DOWNGRADE', current_limit: 'TIER_250' })).toBe(200);
    const channel = await eventually(async () => {
      const c = (await api(p.app, 'GET', `/v1/channels/${p.channelId}`, undefined, p.token)).body;
      return c.config.messagingLimitTier ? c : null;
    });
    expect(channel.config).toMatchObject({ messagingLimitTier: 'TIER_250', phoneNumberId: phoneNumberIdFor });
    expect(channel.health).toMatchObject({ kind: 'quality', code: 'DOWNGRADE', message: 'DOWNGRADE (TIER_250)' });
    expect(channel.health.tier).toBeUndefined();
    expect(await postChange('phone_number_quality_update', { display_phone_number: '15550000000', event: 'UPGRADE', current_limit: 'TIER_2K' })).toBe(200);
    await eventually(async () => (await api(p.app, 'GET', `/v1/channels/${p.channelId}`, undefined, p.token)).body.config.messagingLimitTier === 'TIER_2K');
  });
});
