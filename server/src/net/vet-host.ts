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
