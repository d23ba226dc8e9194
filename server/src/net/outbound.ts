// The one HTTP client for URLs a workspace controls (its AI base URL, Evolution servers, outbound
// webhooks, the HTTP-request step). Every hop resolves the host once, refuses private, loopback,
// link-local, CGNAT, multicast, reserved and metadata addresses unless OUTBOUND_ALLOW_HOSTS allows
// them, connects to exactly the address it checked, and stops at a byte cap and one deadline that
// covers DNS, connect, headers and body. Redirects are refused unless maxRedirects allows a few,
// and each hop is checked again. Errors are OutboundError with a kind and our own words.
import { exchange, type Hop, type RawAnswer } from './exchange';
import type { AllowList } from './allow-list';
import { OutboundError } from './outbound-error';
import { parseOutboundUrl } from './outbound-url';
import { isRedirect, nextHop } from './redirects';
import { systemResolver, vetHost, type AddressPolicy, type Resolver } from './vet-host';

export type OutboundRequest = {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** One deadline for the whole call, redirects included. Default 10 s. */
  timeoutMs?: number;
  /** The answer's body is cut (too_large) past this. Default 1 MiB. */
  maxResponseBytes?: number;
  /** 0 (default): a 3xx with a Location is an error of kind `redirect`. At most 5. */
  maxRedirects?: number;
};

export type OutboundResponse = {
  status: number;
  ok: boolean;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: Buffer;
  /** The URL that answered (after any redirects followed). */
  url: string;
  /** The IP address the socket was connected to. */
  address: string;
  text(): string;
  /** The parsed body, or undefined when it is not JSON. */
  json(): unknown;
};

export type Outbound = (req: OutboundRequest) => Promise<OutboundResponse>;

export type OutboundOptions = {
  allow: AllowList;
  /** Origins of URLs the operator configured (e.g. LLM_BASE_URL); they skip only the address check. */
  trustedOrigins?: readonly string[];
  resolve?: Resolver;
};

export const OUTBOUND_DEFAULTS = { timeoutMs: 10_000, maxResponseBytes: 1024 * 1024, maxRedirects: 0 } as const;
const MAX_REDIRECTS = 5;

const seconds = (ms: number) => (ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`);

function toResponse(answer: RawAnswer, url: URL): OutboundResponse {
  const text = () => answer.body.toString('utf8');
  return {
    ...answer,
    ok: answer.status >= 200 && answer.status < 300,
    url: url.toString(),
    text,
    json() {
      try {
        return JSON.parse(text()) as unknown;
      } catch {
        return undefined;
      }
    },
  };
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

async function follow(first: Hop, req: OutboundRequest, policy: AddressPolicy, resolve: Resolver, signal: AbortSignal): Promise<OutboundResponse> {
  const maxRedirects = Math.min(Math.max(req.maxRedirects ?? OUTBOUND_DEFAULTS.maxRedirects, 0), MAX_REDIRECTS);
  const maxResponseBytes = req.maxResponseBytes ?? OUTBOUND_DEFAULTS.maxResponseBytes;
  let hop = first;
  for (let redirects = 0; ; redirects++) {
    const targets = await abortable(vetHost(hop.url, policy, resolve), signal);
    const answer = await exchange(hop, { targets, maxResponseBytes, signal });
    if (!isRedirect(answer.status, answer.headers)) return toResponse(answer, hop.url);
    if (redirects >= maxRedirects) {
      const words = maxRedirects ? `More than ${maxRedirects} redirects` : `The server answered with a redirect (HTTP ${answer.status}), which is not followed`;
      throw new OutboundError('redirect', words, { status: answer.status });
    }
    hop = nextHop(hop, answer.status, answer.headers.location!);
  }
}

export function createOutbound(options: OutboundOptions): Outbound {
  const policy: AddressPolicy = { allow: options.allow, trusted: new Set((options.trustedOrigins ?? []).map((u) => new URL(u).origin)) };
  const resolve = options.resolve ?? systemResolver;
  return async function outbound(req) {
    const first: Hop = {
      url: parseOutboundUrl(req.url),
      method: (req.method ?? 'GET').toUpperCase(),
      headers: req.headers ?? {},
      body: req.body === undefined ? undefined : Buffer.from(req.body),
    };
    const timeoutMs = req.timeoutMs ?? OUTBOUND_DEFAULTS.timeoutMs;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new OutboundError('timeout', `No complete answer within ${seconds(timeoutMs)}`)), timeoutMs);
    try {
      return await follow(first, req, policy, resolve, controller.signal);
    } finally {
      clearTimeout(timer);
    }
  };
}
