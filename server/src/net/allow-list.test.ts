import { describe, expect, it } from 'vitest';
import { invalidAllowEntries, isAllowedAddress, isAllowedHost, parseAllowList } from './allow-list';

describe('OUTBOUND_ALLOW_HOSTS entries', () => {
  it('when entries are host names, IPs or CIDR ranges, then all are accepted', () => {
    expect(invalidAllowEntries(['localhost', 'ollama', 'evolution.internal.', '127.0.0.1', '::1', '[::1]', '10.0.0.0/8', 'fd00::/8', 'my_host.lan'])).toEqual([]);
  });

  it('when an entry has a port, a scheme, a path or a wildcard, then it is named as invalid', () => {
    expect(invalidAllowEntries(['ollama:11434', 'http://ollama', 'host/path', '*.lan', '10.0.0.0/33', ''])).toEqual([
      'ollama:11434', 'http://ollama', 'host/path', '*.lan', '10.0.0.0/33', '',
    ]);
    expect(() => parseAllowList(['ollama:11434'])).toThrow('ollama:11434');
  });

  it('when a host name is listed, then only that exact name matches, in any case and with a trailing dot', () => {
    const list = parseAllowList(['Ollama.Lan']);
    expect(isAllowedHost(list, 'ollama.lan')).toBe(true);
    expect(isAllowedHost(list, 'OLLAMA.LAN.')).toBe(true);
    expect(isAllowedHost(list, 'x.ollama.lan')).toBe(false);
    expect(isAllowedHost(list, 'ollama.lan.evil.com')).toBe(false);
  });

  it('when addresses are listed, then IPv4 and IPv4-mapped IPv6 match the same entry, families never cross', () => {
    const list = parseAllowList(['192.168.10.0/24', '::1']);
    expect(isAllowedAddress(list, '192.168.10.7')).toBe(true);
    expect(isAllowedAddress(list, '::ffff:192.168.10.7')).toBe(true);
    expect(isAllowedAddress(list, '192.168.11.7')).toBe(false);
    expect(isAllowedAddress(list, '::1')).toBe(true);
    expect(isAllowedAddress(list, '127.0.0.1')).toBe(false);
  });
});
