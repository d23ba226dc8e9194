// One HTTP exchange over node:http(s), connected to an address vetHost checked: the socket's
// lookup can only answer those addresses (Node's happy eyeballs picks among them), and a literal
// IP in the URL is the one address checked. The answer is read into memory up to a byte cap; the
// caller's signal ends everything (connect, headers, body).
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { normalizeHost } from './allow-list';
import { networkError, OutboundError } from './outbound-error';
import type { ResolvedAddress } from './vet-host';

export type Hop = { url: URL; method: string; headers: Record<string, string>; body?: Buffer };
export type RawAnswer = { status: number; headers: Record<string, string>; body: Buffer; address: string };
type Limits = { targets: ResolvedAddress[]; maxResponseBytes: number; signal: AbortSignal };

const pinnedLookup = (targets: ResolvedAddress[]): LookupFunction =>
  ((_host: string, options: { all?: boolean }, cb: (...args: unknown[]) => void) =>
    options.all ? cb(null, targets) : cb(null, targets[0]!.address, targets[0]!.family)) as unknown as LookupFunction;

const flatten = (headers: IncomingHttpHeaders): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v ?? '')]));

export const tooLarge = (max: number) => new OutboundError('too_large', `The answer is larger than ${max} bytes`);

function readCapped(res: IncomingMessage, max: number, head: boolean): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // A HEAD answer announces a length it never sends.
    if (!head && Number(res.headers['content-length']) > max) return reject(tooLarge(max));
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) reject(tooLarge(max));
      else chunks.push(chunk);
    });
    res.on('end', () => resolve(Buffer.concat(chunks)));
    res.on('error', reject);
    res.on('close', () => (res.complete ? undefined : reject(networkError({ code: 'ECONNRESET' }))));
  });
}

function open(hop: Hop, limits: Limits): http.ClientRequest {
  const host = normalizeHost(hop.url.hostname);
  const options: https.RequestOptions = {
    hostname: host,
    port: hop.url.port || undefined,
    path: `${hop.url.pathname}${hop.url.search}`,
    method: hop.method,
    headers: { ...hop.headers, ...(hop.body ? { 'content-length': String(hop.body.length) } : {}) },
    agent: false,
    lookup: pinnedLookup(limits.targets),
    signal: limits.signal,
  };
  if (hop.url.protocol === 'https:') return https.request({ ...options, servername: isIP(host) ? undefined : host });
  return http.request(options);
}

export function exchange(hop: Hop, limits: Limits): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    let req: http.ClientRequest;
    try {
      req = open(hop, limits);
    } catch (err) {
      return reject(new OutboundError('bad_request', 'The request has an invalid method or header', { cause: err }));
    }
    const fail = (err: unknown) => {
      req.destroy();
      reject(limits.signal.aborted ? limits.signal.reason : networkError(err));
    };
    req.on('error', fail);
    req.on('response', (res) => {
      const address = res.socket?.remoteAddress ?? limits.targets[0]!.address;
      readCapped(res, limits.maxResponseBytes, hop.method === 'HEAD').then(
        (body) => resolve({ status: res.statusCode ?? 0, headers: flatten(res.headers), body, address }),
        fail,
      );
    });
    req.end(hop.body);
  });
}
