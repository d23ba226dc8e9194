// Resolves a URL's host once and checks every answer before anything connects. The addresses
// returned are the only ones the socket may use (see exchange.ts), so a name that answers a public
// address to this lookup and a private one to the next (DNS rebinding) gains nothing.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { refusedRange } from './address-policy';
import { normalizeHost, type AllowList } from './allow-list';
import { networkError, OutboundError } from './outbound-error';

export type ResolvedAddress = { address: string; family: 4 | 6 };
/** Answers a host name with its addresses; injectable so tests can play a rebinding DNS server. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;
/** `trusted` origins are the operator's own configured URLs: they skip the address check only. */
export type AddressPolicy = { allow: AllowList; trusted: ReadonlySet<string> };

export const systemResolver: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));

/** Every answer, all checked: one refused answer refuses the host. */
export async function vetHost(url: URL, policy: AddressPolicy, resolve: Resolver): Promise<ResolvedAddress[]> {
  const host = normalizeHost(url.hostname);
  const literal = isIP(host);
  const answers = literal ? [{ address: host, family: literal as 4 | 6 }] : await resolve(host).catch((err) => Promise.reject(networkError(err)));
  if (answers.length === 0) throw networkError({ code: 'ENOTFOUND' });
  if (!policy.trusted.has(url.origin)) {
    for (const { address } of answers) {
      const range = refusedRange(address, host, policy.allow);
      if (range) {
        throw new OutboundError('blocked_address', `The address is not allowed: ${host} is on a private, loopback or reserved network`, { range });
      }
    }
  }
  return answers;
}

/** A save waits this long for DNS at most; a slower name counts as unresolved (each call checks it again). */
const SAVE_LOOKUP_MS = 2_000;

const withDeadline = (resolve: Resolver, ms: number): Resolver => (hostname) => {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`DNS lookup of ${hostname} took over ${ms} ms`), { code: 'ETIMEOUT' })), ms);
  });
  return Promise.race([resolve(hostname), late]).finally(() => clearTimeout(timer));
};

/**
 * The address check of a URL a workspace saves for later (its AI provider, a webhook endpoint), with
 * the rule each call applies: the error of kind `blocked_address` the call would end in, or null.
 * Only a host positively on a refused network is refused: one that cannot be resolved now (DNS down
 * for a moment) may be saved, and every call checks it again. A `*.localhost` name is the loopback
 * (RFC 6761) whatever the resolver says.
 */
export async function refusedWhenSaved(url: URL, allow: AllowList, resolve: Resolver = systemResolver): Promise<OutboundError | null> {
  const host = normalizeHost(url.hostname);
  const loopback: Resolver = async () => [{ address: '127.0.0.1', family: 4 }];
  try {
    await vetHost(url, { allow, trusted: new Set() }, host.endsWith('.localhost') ? loopback : withDeadline(resolve, SAVE_LOOKUP_MS));
    return null;
  } catch (err) {
    if (!(err instanceof OutboundError) || err.kind !== 'blocked_address') return null;
    // The allow-list opens private networks to the operator's choice, never the metadata addresses.
    const hint = err.detail.range === 'metadata' ? '' : ". The server's operator can allow this host with OUTBOUND_ALLOW_HOSTS";
    return new OutboundError('blocked_address', `${err.message}${hint}`, err.detail);
  }
}
