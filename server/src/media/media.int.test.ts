// Inbound media end to end: a WhatsApp image goes through the fake Graph API's two-step download
// into real S3-protocol storage, an agent opens it through a signed URL, and a flow sends a stored
// file back out as a signed link. Real PostgreSQL, Redis and s3rver; only Meta is faked.
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { edge, flow, keywordTrigger, node } from '../../test/flow-docs';
import { api, signupWorkspace } from '../../test/harness';
import { imageMessage } from '../../test/fakes/whatsapp-payloads';
import { eventually, otherWorkspace, pipelineForFile, type Pipeline } from '../../test/pipeline';
import { createStorage } from '../storage/s3';
import { createS3ObjectStore } from '../storage/s3-object-store';
import type { ObjectStore } from '../storage/object-store';
import { MAX_MEDIA_BYTES, MediaRejected, readLimited } from './media.policy';

let p: Pipeline;
let db: pg.Client;
let objects: ObjectStore;
let destroyStorage: () => void;

pipelineForFile(async (started) => {
  ({ pipeline: p, db } = started);
  const storage = createStorage(p.app.config);
  objects = createS3ObjectStore(storage);
  destroyStorage = () => storage.client.destroy();
});
// Runs before the pipeline stops (after-all hooks run last registered first).
afterAll(async () => {
  destroyStorage?.();
});

/** Sends an inbound media message and waits until the worker settled its media (stored or failed). */
async function receiveMedia(waId: string, message: Record<string, unknown>) {
  const sent = await p.wa.inbound({ waId, name: 'Ana' }, message);
  expect(sent.status).toBe(200);
  return eventually(async () => {
    const { rows } = await db.query(`SELECT id, conversation_id, payload FROM messages WHERE provider_message_id = $1 AND payload->'media'->>'status' IS NOT NULL`, [sent.id]);
    return rows[0] as { id: string; conversation_id: string; payload: { media: Record<string, any> } } | undefined;
  });
}

const mediaPath = (conversationId: string, messageId: string) => `/v1/conversations/${conversationId}/messages/${messageId}/media`;
const same = (a: Uint8Array | ArrayBuffer, b: Uint8Array) => Buffer.from(a as Uint8Array).equals(Buffer.from(b));

describe('inbound media', () => {
  const photo = randomBytes(300_000);
  let stored: Awaited<ReturnType<typeof receiveMedia>>;

  it('when a customer sends an image, then its bytes are kept in object storage under the tenant and message', async () => {
    p.wa.addMedia('MID-PHOTO', photo, 'image/jpeg');
    stored = await receiveMedia('5511911110001', imageMessage('MID-PHOTO', 'foto'));
    const media = stored.payload.media;
    expect(media).toMatchObject({ status: 'stored', providerMediaId: 'MID-PHOTO', mimeType: 'image/jpeg', size: photo.length });
    expect(media.storageKey).toMatch(new RegExp(`^t/${p.tenantId}/m/${stored.id}/[0-9a-f-]{36}$`));
    const object = await objects.get(media.storageKey);
    expect(same(object.bytes, photo)).toBe(true);
    expect(object.contentType).toBe('image/jpeg');
    expect(p.wa.mediaFetches).toContain('MID-PHOTO');
    const events = await db.query(`SELECT payload FROM domain_events WHERE type = 'message.media_stored' AND payload->>'messageId' = $1`, [stored.id]);
    expect(events.rows).toHaveLength(1);
    expect(events.rows[0].payload).toMatchObject({ conversationId: stored.conversation_id, mimeType: 'image/jpeg', size: photo.length });
  });

  it('when an agent opens the image, then a 5-minute signed URL serves the same bytes', async () => {
    const before = Date.now();
    const res = await api(p.app, 'GET', mediaPath(stored.conversation_id, stored.id), undefined, p.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body.mimeType).toBe('image/jpeg');
    const ttl = new Date(res.body.expiresAt).getTime() - before;
    expect(ttl).toBeGreaterThan(290_000);
    expect(ttl).toBeLessThanOrEqual(301_000);
    const file = await fetch(res.body.url);
    expect(file.status).toBe(200);
    expect(same(await file.arrayBuffer(), photo)).toBe(true);
  });

  it('when another workspace asks for the media, then it gets 404', async () => {
    const other = await signupWorkspace(p.app, 'Outra loja');
    const res = await api(p.app, 'GET', mediaPath(stored.conversation_id, stored.id), undefined, other.token);
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toContain('t/');
    expect((await api(p.app, 'GET', mediaPath(stored.conversation_id, stored.id))).status).toBe(401);
  });

  it('when the media is larger than 16 MiB, then it is marked failed with the reason and no byte is fetched', async () => {
    p.wa.addMedia('MID-BIG', Buffer.alloc(MAX_MEDIA_BYTES + 1), 'video/mp4');
    const msg = await receiveMedia('5511911110002', { type: 'video', video: { id: 'MID-BIG', mime_type: 'video/mp4', sha256: 'x' } });
    expect(msg.payload.media).toMatchObject({ status: 'failed', error: `Media is too large: ${MAX_MEDIA_BYTES + 1} bytes, over the 16 MiB limit` });
    expect(msg.payload.media.storageKey).toBeUndefined();
    expect(p.wa.mediaFetches).not.toContain('MID-BIG');
    const res = await api(p.app, 'GET', mediaPath(msg.conversation_id, msg.id), undefined, p.token);
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ status: 'failed', reason: expect.stringContaining('over the 16 MiB limit') });
  });

  it('when the provider labels a file as HTML, then it is refused rather than served back from our storage', async () => {
    p.wa.addMedia('MID-HTML', Buffer.from('<script>alert(1)</script>'), 'text/html');
    const msg = await receiveMedia('5511911110003', { type: 'document', document: { id: 'MID-HTML', mime_type: 'text/html', sha256: 'x', filename: 'a.html' } });
    expect(msg.payload.media).toMatchObject({ status: 'failed', error: 'Media type text/html is not accepted' });
  });

  it('when a customer sends a vendor XML document, then the agent\'s signed URL downloads it instead of rendering it', async () => {
    p.wa.addMedia('MID-XML', Buffer.from('<x:html xmlns:x="http://www.w3.org/1999/xhtml"><x:script>alert(1)</x:script></x:html>'), 'application/vnd.evil+xml');
    const msg = await receiveMedia('5511911110006', { type: 'document', document: { id: 'MID-XML', mime_type: 'application/vnd.evil+xml', sha256: 'x', filename: 'a.xml' } });
    expect(msg.payload.media).toMatchObject({ status: 'stored', mimeType: 'application/vnd.evil+xml' });
    const res = await api(p.app, 'GET', mediaPath(msg.conversation_id, msg.id), undefined, p.token);
    const file = await fetch(res.body.url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toMatch(/^attachment/);
  });

  it("when a customer sends a PDF with a name, then the agent's download keeps the customer's file name", async () => {
    p.wa.addMedia('MID-PDF-NAMED', Buffer.from('%PDF-1.4'), 'application/pdf');
    const msg = await receiveMedia('5511911110007', { type: 'document', document: { id: 'MID-PDF-NAMED', mime_type: 'application/pdf', sha256: 'x', filename: 'Nota fiscal março.pdf' } });
    const res = await api(p.app, 'GET', mediaPath(msg.conversation_id, msg.id), undefined, p.token);
    const file = await fetch(res.body.url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="Nota fiscal mar?o.pdf"; filename*=UTF-8''Nota%20fiscal%20mar%C3%A7o.pdf`);
  });

  it('when the provider does not know the media id, then it is marked failed without retrying for long', async () => {
    const msg = await receiveMedia('5511911110004', imageMessage('MID-UNKNOWN'));
    expect(msg.payload.media).toMatchObject({ status: 'failed', error: expect.stringContaining('does not exist') });
  });
});

describe('downloads between workspaces', () => {
  it("when one workspace's downloads hang, then it holds two of a worker's slots and another workspace's image is stored at once", async () => {
    const a = await otherWorkspace(p, 'Loja de Fotos', '106540352243101');
    const bytes = randomBytes(4096);
    const hung = Array.from({ length: 6 }, (_, i) => `MID-SLOW-${i}`);
    for (const id of hung) {
      p.wa.addMedia(id, bytes, 'image/jpeg');
      p.wa.holdMedia(id);
    }
    for (const [i, id] of hung.entries()) await a.inbound(`55119720000${i}`, imageMessage(id));
    const fetchedOfA = () => p.wa.mediaFetches.filter((id) => hung.includes(id)).length;
    await eventually(() => fetchedOfA() >= 2, 20_000);

    p.wa.addMedia('MID-OTHER', randomBytes(2048), 'image/jpeg');
    const started = Date.now();
    const other = await receiveMedia('5511972009999', imageMessage('MID-OTHER'));
    expect(other.payload.media.status).toBe('stored');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(fetchedOfA()).toBe(2);

    // Nothing of the slow workspace is lost: once its downloads answer, every file is stored once.
    p.wa.releaseMedia();
    const storedOfA = async () =>
      (await db.query(`SELECT count(*)::int AS n FROM messages WHERE tenant_id = $1 AND payload->'media'->>'status' = 'stored'`, [a.tenantId])).rows[0].n as number;
    await eventually(async () => (await storedOfA()) === hung.length, 30_000);
    expect(new Set(p.wa.mediaFetches.filter((id) => hung.includes(id))).size).toBe(hung.length);
  });
});

describe('size limit while streaming', () => {
  // Providers may announce no size, or a wrong one: the byte count read is what is enforced.
  it('when a stream runs past the limit, then reading stops early and the file is refused', async () => {
    let pulls = 0;
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull: (c) => void (pulls++, c.enqueue(new Uint8Array(1024 * 1024))),
      cancel: () => void (cancelled = true),
    });
    await expect(readLimited(endless, MAX_MEDIA_BYTES)).rejects.toBeInstanceOf(MediaRejected);
    expect(cancelled).toBe(true);
    expect(pulls).toBeLessThan(20);
  });
});

describe('outbound media', () => {
  it('when a message node names a stored file, then WhatsApp gets a signed link that serves it', async () => {
    const bytes = randomBytes(50_000);
    const storageKey = `t/${p.tenantId}/u/${Date.now()}.png`;
    await objects.put(storageKey, bytes, 'image/png');
    await p.publish(
      flow([keywordTrigger('catalogo'), node('pic', 'message', { text: 'Nosso catálogo', media: { kind: 'image', storageKey } })], [edge('start', 'next', 'pic')]),
      'Catálogo',
    );
    const waId = '5511911110005';
    await p.wa.inbound({ waId }, { type: 'text', text: { body: 'catalogo' } });
    const send = await eventually(() => p.wa.sends.find((s) => s.body.to === waId));
    expect(send.body).toMatchObject({ type: 'image', image: { caption: 'Nosso catálogo' } });
    expect(JSON.stringify(send.body)).not.toContain('storageKey');
    const file = await fetch(send.body.image.link);
    expect(file.status).toBe(200);
    expect(same(await file.arrayBuffer(), bytes)).toBe(true);
  });

  it("when a message node names another workspace's file, then the send fails instead of leaking it", async () => {
    const storageKey = 't/00000000-0000-0000-0000-000000000000/u/secret.png';
    await p.publish(
      flow([keywordTrigger('roubo'), node('pic', 'message', { text: 'x', media: { kind: 'image', storageKey } })], [edge('start', 'next', 'pic')]),
      'Roubo',
    );
    const waId = '5511911110006';
    await p.wa.inbound({ waId }, { type: 'text', text: { body: 'roubo' } });
    const failed = await eventually(async () => {
      const { rows } = await db.query(`SELECT m.status, m.error FROM messages m JOIN contacts c ON c.id = (SELECT contact_id FROM conversations WHERE id = m.conversation_id)
        WHERE c.phone = $1 AND m.direction = 'out' AND m.status = 'failed'`, [waId]);
      return rows[0];
    });
    expect(failed.error).toContain('media_forbidden');
    expect(p.wa.sends.some((s) => s.body.to === waId)).toBe(false);
  });
});
