// Which resolved addresses a tenant-controlled URL may reach. The ranges come from ipaddr.js:
// anything it does not call plain `unicast` (loopback, private, link-local, CGNAT, multicast,
// unspecified, broadcast, reserved, IPv4-mapped, NAT64, 6to4, Teredo…) is refused. Two gaps are
// closed here: IPv4-compatible IPv6 (::a.b.c.d, which ipaddr.js calls unicast) and the cloud
// metadata endpoints, which stay refused even when an allow-list entry covers them.
import ipaddr from 'ipaddr.js';
import { isAllowedAddress, isAllowedHost, parseAddress, type AllowList } from './allow-list';

const IPV4_COMPATIBLE = ipaddr.parseCIDR('::/96');

/** AWS/GCP/Azure/OpenStack, AWS over IPv6, Alibaba, Oracle, Azure's wire server. */
const METADATA = ['169.254.169.254', 'fd00:ec2::254', '100.100.100.200', '192.0.0.192', '168.63.129.16'].map((a) => ipaddr.parse(a).toNormalizedString());

/** `unicast` for an address on the public internet, otherwise the name of the range it is in. */
export function classifyAddress(address: string): string {
  const ip = parseAddress(address);
  if (METADATA.includes(ip.toNormalizedString())) return 'metadata';
  const range = ip.range();
  return range === 'unicast' && ip.kind() === 'ipv6' && ip.match(IPV4_COMPATIBLE) ? 'ipv4Compatible' : range;
}

/**
 * Null when `address` (what `hostname` resolved to, or the literal in the URL) may be connected to;
 * otherwise the range that refuses it. The allow-list opens private ranges, never metadata.
 */
export function refusedRange(address: string, hostname: string, allow: AllowList): string | null {
  const range = classifyAddress(address);
  if (range === 'unicast') return null;
  if (range === 'metadata') return range;
  return isAllowedHost(allow, hostname) || isAllowedAddress(allow, address) ? null : range;
}
