import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withProviderWebhooks } from './webhook-server';

let server: Server;
let port: number;
const received: number[] = [];
const bodies: Buffer[] = [];

beforeAll(async () => {
  const listener = withProviderWebhooks(
    (_req, res) => res.writeHead(404).end('fallback'),
    {
      test: { post: async (_id, raw) => (received.push(raw.length), { status: 200, body: { ok: true } }) },
      // Larger bodies with files dropped, for requests carrying the right header only.
      files: {
        post: async (_id, raw) => (bodies.push(raw), { status: 200, body: { ok: true } }),
        elidedBody: async (_id, headers) => (headers['x-token'] === 'right' ? { maxWireBytes: 8 * 1024 * 1024, longStringsOver: 1024 } : null),
      },
    },
    () => {},
  );
  server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Streams `size` bytes in 64 KiB chunks, the way a real client uploads, and reads the answer. */
function post(size: number, declareLength = true, o: { path?: string; headers?: Record<string, string>; body?: Buffer } = {}): Promise<{ status: number; body: string; connection?: string }> {
  const payload = o.body ?? Buffer.alloc(size, 'a');
  return new Promise((resolve, reject) => {
    const headers = { ...(declareLength ? { 'content-length': payload.length } : {}), ...o.headers };
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: o.path ?? '/v1/webhooks/test/c1', headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body, connection: res.headers.connection }));
    });
    req.on('error', reject);
    let at = 0;
    const write = () => {
      while (at < payload.length) {
        const piece = payload.subarray(at, at + 64 * 1024);
        at += piece.length;
        if (!req.write(piece)) return void req.once('drain', write);
      }
      req.end();
    };
    // Writing into a socket the server closed surfaces as a request error, which is the bug itself.
    write();
  });
}

describe('provider webhook bodies', () => {
  it('when a body is under 1 MiB, then the handler gets all of it', async () => {
    const res = await post(512 * 1024);
    expect(res.status).toBe(200);
    expect(received.at(-1)).toBe(512 * 1024);
  });

  it('when a chunked body grows over 1 MiB, then 413 payload_too_large answers and the connection closes', async () => {
    const res = await post(3 * 1024 * 1024, false);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.code).toBe('payload_too_large');
    expect(res.connection).toBe('close');
  });

  it('when the declared length is over 1 MiB, then 413 answers before the body is read', async () => {
    const res = await post(50 * 1024 * 1024);
    expect(res.status).toBe(413);
  });

  it('when an authenticated provider body carries a 3 MiB file, then the handler gets the event without the file', async () => {
    const event = { event: 'messages.upsert', data: { message: { documentMessage: { fileName: 'a.pdf' }, base64: 'J'.repeat(3 * 1024 * 1024) } } };
    const res = await post(0, true, { path: '/v1/webhooks/files/c1', headers: { 'x-token': 'right' }, body: Buffer.from(JSON.stringify(event)) });
    expect(res.status).toBe(200);
    expect(JSON.parse(bodies.at(-1)!.toString())).toEqual({ event: 'messages.upsert', data: { message: { documentMessage: { fileName: 'a.pdf' }, base64: '' } } });
  });

  it('when the same body comes without the right header, then it is read as any other: 413 at 1 MiB', async () => {
    const body = Buffer.from(JSON.stringify({ base64: 'J'.repeat(3 * 1024 * 1024) }));
    expect((await post(0, false, { path: '/v1/webhooks/files/c1', headers: { 'x-token': 'wrong' }, body })).status).toBe(413);
  });

  it('when an authenticated body is over its own cap, or keeps over 1 MiB besides files, then 413 says which', async () => {
    const file = Buffer.from(JSON.stringify({ base64: 'J'.repeat(9 * 1024 * 1024) }));
    const huge = await post(0, false, { path: '/v1/webhooks/files/c1', headers: { 'x-token': 'right' }, body: file });
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body).error.message).toBe('Body over 8 MiB');
    const many = Buffer.from(JSON.stringify(Array.from({ length: 2000 }, () => 'x'.repeat(1000))));
    const kept = await post(0, true, { path: '/v1/webhooks/files/c1', headers: { 'x-token': 'right' }, body: many });
    expect(kept.status).toBe(413);
    expect(JSON.parse(kept.body).error.message).toBe('Body over 1 MiB besides file contents');
  });
});
