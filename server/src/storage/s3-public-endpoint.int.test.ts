// Production puts the store behind the same domain as the app: the reverse proxy (Caddy) sends
// /<bucket>/* to MinIO and passes the Host header through. Here a small proxy on another port
// plays that part in front of the real S3-protocol server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { services } from '../../test/harness';
import { createStorage } from './s3';
import { createS3ObjectStore } from './s3-object-store';

let proxy: Server;
let publicOrigin: string;
const hostsSeen: string[] = [];

beforeAll(async () => {
  const upstream = new URL(services().s3Endpoint);
  proxy = createServer((req, res) => {
    hostsSeen.push(req.headers.host ?? '');
    const out = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    out.on('error', () => res.writeHead(502).end());
    req.pipe(out);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  publicOrigin = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => proxy.close(() => resolve())));

describe('S3_PUBLIC_ENDPOINT', () => {
  it('when set, then a signed media URL goes to the public origin and the proxy in front of the store serves the bytes', async () => {
    const s = services();
    const storage = createStorage({
      S3_ENDPOINT: s.s3Endpoint,
      S3_PUBLIC_ENDPOINT: publicOrigin,
      S3_REGION: 'us-east-1',
      S3_BUCKET: 'zyntra-test',
      S3_ACCESS_KEY_ID: s.s3AccessKeyId,
      S3_SECRET_ACCESS_KEY: s.s3SecretAccessKey,
      S3_FORCE_PATH_STYLE: true,
    });
    const store = createS3ObjectStore(storage);
    try {
      await store.put('public-endpoint/photo.jpg', new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]), 'image/jpeg');
      const url = await store.signedUrl('public-endpoint/photo.jpg', 120);
      expect(url.startsWith(`${publicOrigin}/zyntra-test/public-endpoint/photo.jpg?`)).toBe(true);
      const res = await fetch(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/jpeg');
      expect([...new Uint8Array(await res.arrayBuffer())]).toEqual([0xff, 0xd8, 0xff, 1, 2, 3]);
      // The signature covers the host the URL names; the proxy saw that same host.
      expect(hostsSeen).toContain(new URL(publicOrigin).host);
    } finally {
      storage.client.destroy();
      storage.signer.destroy();
    }
  });
});
