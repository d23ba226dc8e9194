import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withProviderWebhooks } from './webhook-server';

let server: Server;
let port: number;
const received: number[] = [];

beforeAll(async () => {
  const listener = withProviderWebhooks(
    (_req, res) => res.writeHead(404).end('fallback'),
    { test: { post: async (_id, raw) => (received.push(raw.length), { status: 200, body: { ok: true } }) } },
    () => {},
  );
  server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Streams `size` bytes in 64 KiB chunks, the way a real client uploads, and reads the answer. */
function post(size: number, declareLength = true): Promise<{ status: number; body: string; connection?: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/v1/webhooks/test/c1', headers: declareLength ? { 'content-length': size } : {} }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body, connection: res.headers.connection }));
    });
    req.on('error', reject);
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let left = size;
    const write = () => {
      while (left > 0) {
        const n = Math.min(left, chunk.length);
        left -= n;
        if (!req.write(chunk.subarray(0, n))) return void req.once('drain', write);
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
});
