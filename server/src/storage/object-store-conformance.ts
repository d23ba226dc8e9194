// The behaviour every ObjectStore must show, as one shared vitest suite. Each implementation's
// test calls objectStoreConformance() with a factory for a store on its real backend, so a new
// backend is accepted by passing the same tests, not by reading the S3 one.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ObjectNotFoundError, type ObjectStore } from './object-store';

export type StoreUnderTest = { store: ObjectStore; close(): Promise<void> };

// Every byte value, so text-mode or encoding mistakes in a backend show up as a mismatch.
const allBytes = () => Uint8Array.from({ length: 512 }, (_, i) => i % 256);

export function objectStoreConformance(name: string, make: () => Promise<StoreUnderTest>) {
  describe(`ObjectStore conformance: ${name}`, () => {
    let sut: StoreUnderTest;
    let store: ObjectStore;
    // A fresh prefix per run keeps reruns against a persistent bucket independent.
    const prefix = `conformance/${randomUUID()}`;
    const key = (k: string) => `${prefix}/${k}`;

    beforeAll(async () => {
      sut = await make();
      store = sut.store;
    });
    afterAll(async () => {
      await sut?.close();
    });

    it('when bytes are put, then get returns the same bytes and content type', async () => {
      await store.put(key('a.bin'), allBytes(), 'image/png');
      const got = await store.get(key('a.bin'));
      expect(Buffer.from(got.bytes).equals(Buffer.from(allBytes()))).toBe(true);
      expect(got.contentType).toBe('image/png');
    });

    it('when a key is put twice, then the second write wins', async () => {
      await store.put(key('twice'), new Uint8Array([1, 2, 3]), 'application/octet-stream');
      await store.put(key('twice'), new Uint8Array([9]), 'text/plain');
      const got = await store.get(key('twice'));
      expect([...got.bytes]).toEqual([9]);
      expect(got.contentType).toBe('text/plain');
    });

    it('when an empty object is put, then it reads back empty', async () => {
      await store.put(key('empty'), new Uint8Array(0), 'application/octet-stream');
      expect((await store.get(key('empty'))).bytes.byteLength).toBe(0);
    });

    it('when a key was never written, then get throws ObjectNotFoundError', async () => {
      await expect(store.get(key('missing'))).rejects.toBeInstanceOf(ObjectNotFoundError);
    });

    it('when keys share a prefix, then each reads its own object', async () => {
      await store.put(key('p/x'), new Uint8Array([1]), 'text/plain');
      await store.put(key('p/xy'), new Uint8Array([2]), 'text/plain');
      expect([...(await store.get(key('p/x'))).bytes]).toEqual([1]);
      expect([...(await store.get(key('p/xy'))).bytes]).toEqual([2]);
    });

    it('when an object is deleted, then get throws and a second delete is harmless', async () => {
      await store.put(key('gone'), new Uint8Array([1]), 'text/plain');
      await store.delete(key('gone'));
      await expect(store.get(key('gone'))).rejects.toBeInstanceOf(ObjectNotFoundError);
      await expect(store.delete(key('gone'))).resolves.toBeUndefined();
    });

    it('when a signed URL is fetched without credentials, then it serves the bytes and content type', async () => {
      await store.put(key('signed.jpg'), allBytes(), 'image/jpeg');
      const res = await fetch(await store.signedUrl(key('signed.jpg'), 300));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/jpeg');
      expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(allBytes()))).toBe(true);
    });

    // A signed URL opens in the browser on the storage origin: anything a browser would render or
    // run there (HTML, SVG, XML of any vendor type, PDF) must download instead.
    it.each(['application/vnd.evil+xml', 'text/html', 'image/svg+xml', 'application/pdf', 'text/plain', 'application/octet-stream'])(
      'when a %s object is fetched by signed URL, then it is served as an attachment',
      async (type) => {
        const k = key(`att-${type.replace(/\W/g, '_')}`);
        await store.put(k, new Uint8Array([60, 120, 47, 62]), type);
        const res = await fetch(await store.signedUrl(k, 300));
        expect(res.status).toBe(200);
        expect(res.headers.get('content-disposition')).toMatch(/^attachment/);
      },
    );

    it.each(['image/jpeg', 'image/png', 'audio/ogg', 'video/mp4'])('when a %s object is fetched by signed URL, then it stays inline', async (type) => {
      const k = key(`inline-${type.replace(/\W/g, '_')}`);
      await store.put(k, new Uint8Array([1, 2, 3]), type);
      const res = await fetch(await store.signedUrl(k, 300));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition') ?? 'inline').not.toMatch(/^attachment/);
    });

    it('when the caller names a risky type at signing, then the URL downloads even for an object stored without a disposition', async () => {
      const k = key('legacy.xml');
      await store.put(k, new Uint8Array([60]), 'image/png');
      const res = await fetch(await store.signedUrl(k, 300, { contentType: 'application/vnd.evil+xml' }));
      expect(res.headers.get('content-disposition')).toMatch(/^attachment/);
    });

    it('when a file name is given at signing, then a document downloads and a photo shows inline, both under that name', async () => {
      await store.put(key('doc'), new Uint8Array([37, 80]), 'application/pdf');
      const doc = await fetch(await store.signedUrl(key('doc'), 300, { contentType: 'application/pdf', filename: 'Orçamento 2026.pdf' }));
      expect(doc.headers.get('content-disposition')).toBe(`attachment; filename="Or?amento 2026.pdf"; filename*=UTF-8''Or%C3%A7amento%202026.pdf`);
      await store.put(key('photo'), new Uint8Array([1]), 'image/jpeg');
      const photo = await fetch(await store.signedUrl(key('photo'), 300, { contentType: 'image/jpeg', filename: 'vitrine.jpg' }));
      expect(photo.headers.get('content-disposition')).toBe('inline; filename=vitrine.jpg');
    });

    // Tampering with a signed URL is not checked here: s3rver does not verify SigV4 signatures, so
    // the suite would test the fake. Expiry it does enforce.
    it('when a signed URL has expired, then it is refused', async () => {
      await store.put(key('short'), new Uint8Array([1]), 'text/plain');
      const url = await store.signedUrl(key('short'), 1);
      // Signatures carry whole seconds; wait past the next full second boundary plus the TTL.
      await new Promise((r) => setTimeout(r, 2_200));
      expect((await fetch(url)).ok).toBe(false);
    });
  });
}
