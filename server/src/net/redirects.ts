// What a redirect turns a request into, the way browsers do it: 303 (and 301/302 after a POST)
// becomes a GET without a body; a hop to another origin drops every header but the harmless ones,
// so a bearer key or apikey never travels to a host the caller did not name.
import type { Hop } from './exchange';
import { parseOutboundUrl } from './outbound-url';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const CROSS_ORIGIN_SAFE = new Set(['accept', 'accept-language', 'user-agent', 'content-type']);

export const isRedirect = (status: number, headers: Record<string, string>) => REDIRECTS.has(status) && headers.location !== undefined;

export function nextHop(hop: Hop, status: number, location: string): Hop {
  const url = parseOutboundUrl(location, hop.url);
  const toGet = status === 303 ? hop.method !== 'HEAD' : (status === 301 || status === 302) && hop.method === 'POST';
  let headers = hop.headers;
  if (url.origin !== hop.url.origin) headers = Object.fromEntries(Object.entries(headers).filter(([k]) => CROSS_ORIGIN_SAFE.has(k.toLowerCase())));
  if (toGet) headers = Object.fromEntries(Object.entries(headers).filter(([k]) => k.toLowerCase() !== 'content-type'));
  return { url, method: toGet ? 'GET' : hop.method, headers, body: toGet ? undefined : hop.body };
}
