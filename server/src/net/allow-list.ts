// OUTBOUND_ALLOW_HOSTS: the hosts a self-hoster lets tenant-controlled URLs reach although they sit
// on a private network (Ollama or Evolution beside the server). Entries are host names (matched
// exactly, case-insensitively), IP addresses or CIDR ranges; nothing else is accepted.
import ipaddr from 'ipaddr.js';

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];
export type AllowList = { readonly hosts: ReadonlySet<string>; readonly ranges: readonly Range[] };

export const emptyAllowList: AllowList = Object.freeze({ hosts: new Set<string>(), ranges: [] });

const LABEL = '[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?';
const HOSTNAME = new RegExp(`^(?=.{1,253}$)${LABEL}(?:\\.${LABEL})*$`);

/** Lower case, no trailing dot, no IPv6 brackets: the form URL host names are compared in. */
export function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '').replace(/^\[(.*)\]$/, '$1');
}

/** An IPv4-mapped IPv6 address is its IPv4 address, so one entry covers both spellings. */
export const parseAddress = (address: string): ipaddr.IPv4 | ipaddr.IPv6 => ipaddr.process(normalizeHost(address));

type Entry = { host: string } | { range: Range };

function parseEntry(raw: string): Entry | null {
  const e = normalizeHost(raw);
  if (ipaddr.isValid(e)) {
    const ip = parseAddress(e);
    return { range: [ip, ip.kind() === 'ipv4' ? 32 : 128] };
  }
  if (e.includes('/')) {
    try {
      return { range: ipaddr.parseCIDR(e) };
    } catch {
      return null;
    }
  }
  return HOSTNAME.test(e) ? { host: e } : null;
}

/** The entries of a comma-separated list that are neither a host name, an IP address nor a CIDR range. */
export function invalidAllowEntries(entries: readonly string[]): string[] {
  return entries.filter((e) => parseEntry(e) === null);
}

export function parseAllowList(entries: readonly string[]): AllowList {
  const hosts = new Set<string>();
  const ranges: Range[] = [];
  for (const raw of entries) {
    const entry = parseEntry(raw);
    if (!entry) throw new Error(`not a host name, IP address or CIDR range: ${raw}`);
    if ('host' in entry) hosts.add(entry.host);
    else ranges.push(entry.range);
  }
  return Object.freeze({ hosts, ranges });
}

export const isAllowedHost = (list: AllowList, hostname: string): boolean => list.hosts.has(normalizeHost(hostname));

export function isAllowedAddress(list: AllowList, address: string): boolean {
  const ip = parseAddress(address);
  return list.ranges.some(([net, bits]) => net.kind() === ip.kind() && ip.match(net, bits));
}
