// The outbound client against real sockets on this machine: services on 127.0.0.1 and 127.0.0.2
// stand for the platform's internal network, and an injected resolver plays the DNS server.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { SELF_SIGNED_CERT, SELF_SIGNED_KEY } from '../../test/self-signed-cert';
import { loopbackSpellings, startInternalService, type InternalService } from '../../test/internal-service';
import { emptyAllowList, parseAllowList } from './allow-list';
import { createOutbound } from './outbound';
import type { OutboundError } from './outbound-error';
import type { Resolver } from './vet-host';

let any: InternalService; // dual-stack: every loopback spelling reaches it
let a: InternalService; // 127.0.0.1, allow-listed in most tests
let b: InternalService; // 127.0.0.2, never allow-listed
beforeAll(async () => {
  [any, a, b] = await Promise.all([startInternalService('::'), startInternalService('127.0.0.1'), startInternalService('127.0.0.2')]);
});
afterAll(() => Promise.all([any, a, b].map((s) => s?.close())));
beforeEach(() => {
  for (const s of [any, a, b]) s.behave((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
});

const failure = (p: Promise<unknown>) => p.then(() => expect.fail('expected a refusal'), (err: OutboundError) => err);
const allowA = () => createOutbound({ allow: parseAllowList(['127.0.0.1']) });

describe('addresses', () => {
  it('when a URL names the loopback in any spelling, then it is refused before any connection', async () => {
    const outbound = createOutbound({ allow: emptyAllowList });
    for (const base of loopbackSpellings(any.port)) {
      const err = await failure(outbound({ url: `${base}/admin`, method: 'POST', headers: { authorization: 'Bearer k' }, body: '{}' }));
      expect(err, base).toMatchObject({ kind: 'blocked_address', message: expect.stringContaining('not allowed') });
    }
    expect(any.connections()).toBe(0);
  });

  it('when a name resolves to a private address, then it is refused, and so is a mix of public and private', async () => {
    const resolve: Resolver = async (host) => (host === 'mixed.test' ? [{ address: '127.0.0.1', family: 4 }, { address: '10.0.0.7', family: 4 }] : [{ address: '192.168.0.1', family: 4 }]);
    const outbound = createOutbound({ allow: parseAllowList(['127.0.0.1']), resolve });
    expect(await failure(outbound({ url: 'http://printer.test/' }))).toMatchObject({ kind: 'blocked_address', detail: { range: 'private' } });
    expect(await failure(outbound({ url: `http://mixed.test:${a.port}/` }))).toMatchObject({ kind: 'blocked_address' });
    expect(a.connections()).toBe(0);
  });

  it('when the allow-list names the address, then the call goes through and reports where it connected', async () => {
    const res = await allowA()({ url: `http://127.0.0.1:${a.port}/v1/x?q=1`, method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer k' }, body: '{"a":1}' });
    expect(res).toMatchObject({ status: 200, ok: true, address: '127.0.0.1', headers: { 'content-type': 'application/json' } });
    expect(res.json()).toEqual({ ok: true });
    expect(a.requests.at(-1)).toMatchObject({ method: 'POST', url: '/v1/x?q=1', body: '{"a":1}', headers: { authorization: 'Bearer k', 'content-length': '7' } });
  });

  it('when the allow-list names a host, then that name may resolve to a private address', async () => {
    const resolve: Resolver = async () => [{ address: '127.0.0.2', family: 4 }];
    const outbound = createOutbound({ allow: parseAllowList(['evolution.lan']), resolve });
    expect((await outbound({ url: `http://evolution.lan:${b.port}/` })).address).toBe('127.0.0.2');
    expect(await failure(outbound({ url: `http://other.lan:${b.port}/` }))).toMatchObject({ kind: 'blocked_address' });
  });

  it('when DNS answers an allowed address first and a private one after (rebinding), then the socket uses the checked one', async () => {
    let calls = 0;
    const resolve: Resolver = async () => [{ address: calls++ === 0 ? '127.0.0.1' : '127.0.0.2', family: 4 }];
    const outbound = createOutbound({ allow: parseAllowList(['127.0.0.1']), resolve });
    const bBefore = b.connections();
    const first = await outbound({ url: `http://rebind.test:${a.port}/` });
    expect(first.address).toBe('127.0.0.1');
    expect(calls).toBe(1); // one resolution per request: the address checked is the address connected to
    expect(a.requests.at(-1)).toMatchObject({ remoteAddress: '127.0.0.1', headers: { host: `rebind.test:${a.port}` } });
    expect(await failure(outbound({ url: `http://rebind.test:${b.port}/` }))).toMatchObject({ kind: 'blocked_address', detail: { range: 'loopback' } });
    expect(b.connections()).toBe(bBefore);
  });

  it('when a name has several checked addresses and the first is down, then the next one is used, never another', async () => {
    const resolve: Resolver = async () => [{ address: '127.0.0.3', family: 4 }, { address: '127.0.0.1', family: 4 }];
    const outbound = createOutbound({ allow: parseAllowList(['127.0.0.1', '127.0.0.3']), resolve });
    expect((await outbound({ url: `http://two.test:${a.port}/` })).address).toBe('127.0.0.1');
  });

  it('when the operator configured the origin, then it skips the address check, and only that origin does', async () => {
    const outbound = createOutbound({ allow: emptyAllowList, trustedOrigins: [`http://127.0.0.1:${a.port}/v1`] });
    expect((await outbound({ url: `http://127.0.0.1:${a.port}/v1/chat/completions` })).status).toBe(200);
    expect(await failure(outbound({ url: `http://127.0.0.1:${any.port}/` }))).toMatchObject({ kind: 'blocked_address' });
  });
});

describe('redirects', () => {
  it('when the answer is 303 to /internal/admin, then it is not followed', async () => {
    a.behave((req, res) => (req.url === '/internal/admin' ? res.end('admin') : res.writeHead(303, { location: '/internal/admin' }).end()));
    const before = a.requests.length;
    expect(await failure(allowA()({ url: `http://127.0.0.1:${a.port}/v1`, method: 'POST', body: '{}' }))).toMatchObject({ kind: 'redirect', detail: { status: 303 } });
    expect(a.requests.slice(before).map((r) => r.url)).toEqual(['/v1']);
  });

  it('when redirects are allowed, then each hop is checked again and a hop to a private address is refused', async () => {
    a.behave((_req, res) => res.writeHead(302, { location: `http://127.0.0.2:${b.port}/admin` }).end());
    const bBefore = b.connections();
    expect(await failure(allowA()({ url: `http://127.0.0.1:${a.port}/`, maxRedirects: 3 }))).toMatchObject({ kind: 'blocked_address' });
    expect(b.connections()).toBe(bBefore);
  });

  it('when a redirect is followed, then a 303 turns into a GET and another origin gets no credentials', async () => {
    const outbound = createOutbound({ allow: parseAllowList(['127.0.0.1', 'localhost']), resolve: async () => [{ address: '127.0.0.1', family: 4 }] });
    a.behave((req, res) => (req.url === '/start' ? res.writeHead(303, { location: `http://localhost:${a.port}/end` }).end() : res.end('done')));
    const res = await outbound({ url: `http://127.0.0.1:${a.port}/start`, method: 'POST', headers: { authorization: 'Bearer k', apikey: 'x', accept: 'text/plain', 'content-type': 'application/json' }, body: '{}', maxRedirects: 1 });
    expect(res).toMatchObject({ status: 200, url: `http://localhost:${a.port}/end` });
    expect(res.text()).toBe('done');
    const last = a.requests.at(-1)!;
    expect(last).toMatchObject({ method: 'GET', url: '/end', body: '', headers: { accept: 'text/plain' } });
    expect(last.headers).not.toHaveProperty('authorization');
    expect(last.headers).not.toHaveProperty('apikey');
    expect(last.headers).not.toHaveProperty('content-type');
  });

  it('when redirects loop, then the call stops after maxRedirects', async () => {
    a.behave((_req, res) => res.writeHead(307, { location: '/again' }).end());
    expect(await failure(allowA()({ url: `http://127.0.0.1:${a.port}/`, maxRedirects: 2 }))).toMatchObject({ kind: 'redirect', message: 'More than 2 redirects' });
  });
});

describe('size and time caps', () => {
  it('when the declared length is over the cap, then it fails without reading the body', async () => {
    a.behave((_req, res) => res.writeHead(200, { 'content-length': '5000' }).end('x'.repeat(5000)));
    expect(await failure(allowA()({ url: `http://127.0.0.1:${a.port}/`, maxResponseBytes: 4096 }))).toMatchObject({ kind: 'too_large', message: 'The answer is larger than 4096 bytes' });
  });

  it('when a HEAD answer announces a length over the cap, then it is fine: no body follows', async () => {
    a.behave((_req, res) => res.writeHead(200, { 'content-length': '5000' }).end());
    expect((await allowA()({ url: `http://127.0.0.1:${a.port}/`, method: 'HEAD', maxResponseBytes: 4096 })).status).toBe(200);
  });

  it('when an endless chunked answer streams in, then it is cut at the cap', async () => {
    a.behave((_req, res) => {
      const pump = () => {
        while (!res.destroyed && res.write(Buffer.alloc(16 * 1024)));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    });
    expect(await failure(allowA()({ url: `http://127.0.0.1:${a.port}/`, maxResponseBytes: 100_000, timeoutMs: 5_000 }))).toMatchObject({ kind: 'too_large' });
  });

  it('when the answer is exactly at the cap, then it is read whole', async () => {
    a.behave((_req, res) => res.end('y'.repeat(4096)));
    expect((await allowA()({ url: `http://127.0.0.1:${a.port}/`, maxResponseBytes: 4096 })).body.length).toBe(4096);
  });

  it('when the server trickles a byte at a time, then the deadline covers the body too', async () => {
    a.behave((_req, res) => {
      res.writeHead(200);
      const t = setInterval(() => (res.destroyed ? clearInterval(t) : res.write('.')), 50);
      res.on('close', () => clearInterval(t));
    });
    const started = Date.now();
    expect(await failure(allowA()({ url: `http://127.0.0.1:${a.port}/`, timeoutMs: 400 }))).toMatchObject({ kind: 'timeout', message: 'No complete answer within 400 ms' });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('when the server never answers, or DNS never does, then the deadline ends the call', async () => {
    a.behave(() => {});
    expect(await failure(allowA()({ url: `http://127.0.0.1:${a.port}/`, timeoutMs: 300 }))).toMatchObject({ kind: 'timeout' });
    const stuck = createOutbound({ allow: emptyAllowList, resolve: () => new Promise(() => {}) });
    expect(await failure(stuck({ url: 'http://slow.test/', timeoutMs: 300 }))).toMatchObject({ kind: 'timeout' });
  });
});

describe('errors in our words', () => {
  it('when nothing listens, then the error says so without the address', async () => {
    const closed = await startInternalService('127.0.0.1');
    await closed.close();
    const err = await failure(allowA()({ url: `http://127.0.0.1:${closed.port}/` }));
    expect(err).toMatchObject({ kind: 'network', message: 'Could not complete the request: the connection was refused' });
  });

  it('when a header carries a line break, then it is a bad_request and nothing is sent', async () => {
    const before = a.connections();
    expect(await failure(allowA()({ url: `http://127.0.0.1:${a.port}/`, headers: { 'x-a': 'v\r\nx-b: injected' } }))).toMatchObject({ kind: 'bad_request' });
    expect(a.connections()).toBe(before);
  });

  it('when the server answers with an error status, then it is a response, not a thrown error', async () => {
    a.behave((_req, res) => res.writeHead(502).end('<html>gateway</html>'));
    const res = await allowA()({ url: `http://127.0.0.1:${a.port}/` });
    expect(res).toMatchObject({ status: 502, ok: false });
    expect(res.json()).toBeUndefined();
  });

  it('when an https server shows a certificate nobody vouches for, then the call fails on TLS after sending the host name', async () => {
    const names: string[] = [];
    const server = createTlsServer({ key: SELF_SIGNED_KEY, cert: SELF_SIGNED_CERT }, (_req, res) => res.end('should not be read'));
    server.on('secureConnection', (socket) => names.push(String(socket.servername)));
    server.on('tlsClientError', (_err, socket) => names.push(String((socket as { servername?: string }).servername)));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const outbound = createOutbound({ allow: parseAllowList(['127.0.0.1']), resolve: async () => [{ address: '127.0.0.1', family: 4 }] });
      const err = await failure(outbound({ url: `https://secure.test:${(server.address() as AddressInfo).port}/` }));
      expect(err).toMatchObject({ kind: 'network', message: 'Could not complete the request: the TLS connection failed (certificate or protocol)' });
      await new Promise((r) => setTimeout(r, 50));
      expect(names).toEqual(['secure.test']);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});
