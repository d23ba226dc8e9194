import { describe, expect, it } from 'vitest';
import { classifyAddress, refusedRange } from './address-policy';
import { emptyAllowList, parseAllowList } from './allow-list';
import { parseOutboundUrl } from './outbound-url';

describe('classifyAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.0.10', 'private'],
    ['fc00::1', 'uniqueLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['169.254.10.20', 'linkLocal'],
    ['fe80::1', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['100.127.255.255', 'carrierGradeNat'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['::', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.1', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['2001:db8::1', 'reserved'],
    ['169.254.169.254', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['100.100.100.200', 'metadata'],
    ['192.0.0.192', 'metadata'],
    ['168.63.129.16', 'metadata'],
    ['::ffff:169.254.169.254', 'metadata'],
    // IPv4 hidden in IPv6: mapped (becomes the IPv4 address), compatible, translated, NAT64, 6to4, Teredo.
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::7f00:1', 'ipv4Compatible'],
    ['::a00:1', 'ipv4Compatible'],
    ['::ffff:0:7f00:1', 'rfc6145'],
    ['64:ff9b::7f00:1', 'rfc6052'],
    ['64:ff9b::a9fe:a9fe', 'rfc6052'],
    ['64:ff9b:1::a00:1', 'rfc6052'],
    ['2002:7f00:1::', '6to4'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'teredo'],
  ])('when the address is %s, then it is %s', (address, range) => {
    expect(classifyAddress(address)).toBe(range);
  });

  it.each(['8.8.8.8', '1.1.1.1', '200.147.67.142', '100.128.0.1', '172.32.0.1', '2606:4700:4700::1111', '2800:3f0:4001::200e'])(
    'when the address %s is on the public internet, then it is unicast',
    (address) => expect(classifyAddress(address)).toBe('unicast'),
  );
});

describe('refusedRange', () => {
  it('when the list is empty, then only public addresses pass', () => {
    expect(refusedRange('8.8.8.8', 'dns.google', emptyAllowList)).toBeNull();
    expect(refusedRange('127.0.0.1', 'localhost', emptyAllowList)).toBe('loopback');
  });

  it('when an address, a range or a host name is allowed, then exactly that passes', () => {
    const allow = parseAllowList(['127.0.0.1', '10.20.0.0/16', 'ollama.lan', 'fd00:1::/32']);
    expect(refusedRange('127.0.0.1', 'x', allow)).toBeNull();
    expect(refusedRange('::ffff:127.0.0.1', 'x', allow)).toBeNull();
    expect(refusedRange('127.0.0.2', 'x', allow)).toBe('loopback');
    expect(refusedRange('10.20.3.4', 'x', allow)).toBeNull();
    expect(refusedRange('10.21.0.1', 'x', allow)).toBe('private');
    expect(refusedRange('192.168.1.5', 'ollama.lan', allow)).toBeNull();
    expect(refusedRange('192.168.1.5', 'OLLAMA.LAN.', allow)).toBeNull();
    expect(refusedRange('192.168.1.5', 'evil.ollama.lan', allow)).toBe('private');
    expect(refusedRange('fd00:1:2::3', 'x', allow)).toBeNull();
  });

  it('when a metadata address is covered by an allowed range or host, then it is still refused', () => {
    const allow = parseAllowList(['169.254.0.0/16', 'metadata.google.internal', '168.63.129.16']);
    expect(refusedRange('169.254.169.254', 'x', allow)).toBe('metadata');
    expect(refusedRange('169.254.169.254', 'metadata.google.internal', allow)).toBe('metadata');
    expect(refusedRange('168.63.129.16', 'x', allow)).toBe('metadata');
    expect(refusedRange('169.254.1.1', 'x', allow)).toBeNull();
  });
});

describe('parseOutboundUrl', () => {
  it.each([
    ['http://2130706433/', '127.0.0.1'],
    ['http://0x7f.1/', '127.0.0.1'],
    ['http://017700000001/', '127.0.0.1'],
    ['http://127.1/', '127.0.0.1'],
    ['http://0/', '0.0.0.0'],
    ['http://0x7f000001/', '127.0.0.1'],
    ['http://[::ffff:127.0.0.1]/', '[::ffff:7f00:1]'],
    ['http://[0:0:0:0:0:ffff:7f00:1]/', '[::ffff:7f00:1]'],
  ])('when the URL is %s, then the host checked is the canonical %s, a loopback or unspecified address', (raw, host) => {
    const url = parseOutboundUrl(raw);
    expect(url.hostname).toBe(host);
    expect(classifyAddress(url.hostname.replace(/^\[|\]$/g, ''))).not.toBe('unicast');
  });

  it.each([
    ['file:///etc/passwd', 'Only http and https URLs are allowed'],
    ['gopher://127.0.0.1:6379/_INFO', 'Only http and https URLs are allowed'],
    ['http://user:pass@example.com/', 'URLs with a user name or password are not allowed'],
    ['not a url', 'The URL is not valid'],
  ])('when the URL is %s, then it is refused as bad_url', (raw, message) => {
    expect(() => parseOutboundUrl(raw)).toThrow(expect.objectContaining({ kind: 'bad_url', message }));
  });
});
