// Inbound Evolution media end to end: a customer's file arrives as a messages.upsert without the
// bytes, the media worker asks the fake Evolution server for it by key id
// (chat/getBase64FromMediaMessage), and it lands in real S3-protocol storage where an agent opens it.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type pg from 'pg';
import { api, type TestApp } from '../../../test/harness';
import { eventually } from '../../../test/pipeline';
import * as P from '../../../test/fakes/evolution-payloads';
import type { FakeEvolution } from '../../../test/fakes/fake-evolution';
import { evolutionChannelForFile } from '../../../test/evolution-channel';

let app: TestApp;
let evo: FakeEvolution;
let db: pg.Client;
let token = '';

evolutionChannelForFile((started) => ({ app, evo, db, token } = started));

type Row = { id: string; conversation_id: string; text: string; payload: { media: Record<string, any> } };

/** The customer's message once the media worker settled its media (stored or failed). */
const settled = (keyId: string) =>
  eventually(async () => {
    const { rows } = await db.query(`SELECT id, conversation_id, text, payload FROM messages WHERE provider_message_id = $1 AND payload->'media'->>'status' IS NOT NULL`, [keyId]);
    return rows[0] as Row | undefined;
  }, 20_000);

/** What an agent gets when opening the file: the bytes behind the signed URL. */
async function opened(row: Row) {
  const res = await api(app, 'GET', `/v1/conversations/${row.conversation_id}/messages/${row.id}/media`, undefined, token);
  expect(res.status).toBe(200);
  return Buffer.from(await (await fetch(res.body.url)).arrayBuffer());
}

describe('Evolution inbound media', () => {
  it('when a customer sends a photo without inline bytes, then it is fetched from Evolution by key id and readable in the inbox', async () => {
    const photo = randomBytes(200_000);
    const id = P.keyId();
    evo.addMedia(id, photo, 'image/jpeg');
    const sent = await evo.customer('5511930000001', { imageMessage: { url: 'https://mmg.whatsapp.net/enc', mimetype: 'image/jpeg', caption: 'olha a foto' } }, { id });
    expect(sent.status).toBe(200);
    const row = await settled(sent.id);
    expect(row.text).toBe('olha a foto');
    expect(row.payload.media).toMatchObject({ status: 'stored', providerMediaId: sent.id, mimeType: 'image/jpeg', size: photo.length });
    expect((await opened(row)).equals(photo)).toBe(true);
    expect(evo.mediaFetches.filter((id) => id === sent.id)).toHaveLength(1);
  });

  it('when a voice note arrives, then its codecs parameter is dropped and the audio is kept', async () => {
    const voice = randomBytes(5_000);
    const id = P.keyId();
    evo.addMedia(id, voice, 'audio/ogg; codecs=opus');
    const sent = await evo.customer('5511930000002', { audioMessage: { url: 'https://mmg.whatsapp.net/enc', mimetype: 'audio/ogg; codecs=opus', ptt: true } }, { id });
    const row = await settled(sent.id);
    expect(row.payload.media).toMatchObject({ status: 'stored', mimeType: 'audio/ogg', voice: true, size: voice.length });
  });

  it('when Evolution does not have the message (400), then the media fails at once with a reason saying what to turn on', async () => {
    const sent = await evo.customer('5511930000003', { documentMessage: { url: 'https://mmg.whatsapp.net/enc', mimetype: 'application/pdf', fileName: 'nota.pdf' } });
    const row = await settled(sent.id);
    expect(row.payload.media).toMatchObject({
      status: 'failed',
      error: 'Evolution API does not have this message (HTTP 400); its database must keep new messages (DATABASE_SAVE_DATA_NEW_MESSAGE)',
    });
    expect(evo.mediaFetches.filter((id) => id === sent.id)).toHaveLength(1);
  });

  it('when Evolution fails once (500), then the download is retried and the file stored', async () => {
    const clip = randomBytes(50_000);
    evo.failMediaNext('server_error');
    const id = P.keyId();
    evo.addMedia(id, clip, 'video/mp4');
    const sent = await evo.customer('5511930000004', { videoMessage: { url: 'https://mmg.whatsapp.net/enc', mimetype: 'video/mp4' } }, { id });
    const row = await settled(sent.id);
    expect(row.payload.media).toMatchObject({ status: 'stored', mimeType: 'video/mp4', size: clip.length });
    expect(evo.mediaFetches.filter((id) => id === sent.id)).toHaveLength(2);
  });

  it('when the file is of a type we do not serve back (HTML), then it is refused with the reason', async () => {
    const id = P.keyId();
    evo.addMedia(id, Buffer.from('<script>alert(1)</script>'), 'text/html', 'a.html');
    const sent = await evo.customer('5511930000005', { documentMessage: { url: 'https://mmg.whatsapp.net/enc', mimetype: 'text/html', fileName: 'a.html' } }, { id });
    expect((await settled(sent.id)).payload.media).toMatchObject({ status: 'failed', error: 'Media type text/html is not accepted' });
  });

  it('when Evolution sends a 2 MiB document inline as base64 (Webhook Base64), then the message and its file are kept', async () => {
    const pdf = randomBytes(2 * 1024 * 1024);
    const id = P.keyId();
    evo.addMedia(id, pdf, 'application/pdf', 'catalogo.pdf');
    const document = { url: 'https://mmg.whatsapp.net/enc', mimetype: 'application/pdf', fileName: 'catalogo.pdf', caption: 'segue o catálogo' };
    const sent = await evo.customer('5511930000006', { documentMessage: document, base64: pdf.toString('base64') }, { id });
    expect(sent.raw.length).toBeGreaterThan(2.5 * 1024 * 1024);
    expect(sent.status).toBe(200);
    const row = await settled(id);
    expect(row.text).toBe('segue o catálogo');
    expect(row.payload.media).toMatchObject({ status: 'stored', mimeType: 'application/pdf', filename: 'catalogo.pdf', size: pdf.length });
    expect((await opened(row)).equals(pdf)).toBe(true);
  });

  it('when the same large body comes with a wrong token, then it is refused before more than 1 MiB is read, and nothing is stored', async () => {
    const id = P.keyId();
    const sent = await evo.customer('5511930000007', { documentMessage: { mimetype: 'application/pdf' }, base64: randomBytes(2 * 1024 * 1024).toString('base64') }, { id, auth: { mode: 'header', token: 'wrong-token' } });
    expect(sent.status).toBe(413);
    expect((await db.query('SELECT 1 FROM inbound_events WHERE provider_event_id = $1', [id])).rowCount).toBe(0);
  });
});
