import { describe, expect, it, vi } from 'vitest';
import { emptyAllowList, parseAllowList } from './allow-list';
import { refusedWhenSaved, type Resolver } from './vet-host';

/** A DNS server that knows only these names; any other is not found. */
const dns = (names: Record<string, string[]>): Resolver => async (host) => {
  const found = names[host];
  if (!found) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
  return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};
const resolve = dns({ 'ollama.lan': ['10.0.0.5'], 'llm.example.com': ['93.184.215.14'], 'both.example.com': ['93.184.215.14', '192.168.1.2'] });
const saved = (url: string, allow = emptyAllowList) => refusedWhenSaved(new URL(url), allow, resolve);

describe('an address checked when saved', () => {
  it('when the host is, or resolves to, a private or loopback address, then it is refused naming OUTBOUND_ALLOW_HOSTS', async () => {
    for (const url of ['http://10.0.0.5/v1', 'http://127.0.0.1:9/v1', 'http://[::1]/v1', 'http://ollama.lan:11434/v1', 'https://both.example.com/', 'http://ai.localhost/v1']) {
      const refused = await saved(url);
      expect(refused?.kind, url).toBe('blocked_address');
      expect(refused?.message, url).toMatch(/not allowed.*OUTBOUND_ALLOW_HOSTS/);
    }
  });

  it('when the allow-list covers the host or its address, then it is accepted', async () => {
    expect(await saved('http://ollama.lan:11434/v1', parseAllowList(['ollama.lan']))).toBeNull();
    expect(await saved('http://ollama.lan:11434/v1', parseAllowList(['10.0.0.0/8']))).toBeNull();
  });

  it('when the host is public, or cannot be resolved now, then it is accepted (each call checks it again)', async () => {
    expect(await saved('https://llm.example.com/v1')).toBeNull();
    expect(await saved('https://nowhere.example/v1')).toBeNull();
  });

  it('when the host is a metadata address, then the allow-list is not offered: it never opens those', async () => {
    const refused = await saved('http://169.254.169.254/latest', parseAllowList(['169.254.0.0/16']));
    expect(refused?.detail.range).toBe('metadata');
    expect(refused?.message).not.toContain('OUTBOUND_ALLOW_HOSTS');
  });

  it('when DNS does not answer, then the save does not wait for it: after 2 s the host counts as unresolved and is accepted', async () => {
    vi.useFakeTimers();
    try {
      const silent: Resolver = () => new Promise(() => {});
      const pending = refusedWhenSaved(new URL('https://slow.example/v1'), emptyAllowList, silent);
      await vi.advanceTimersByTimeAsync(2_000);
      expect(await pending).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
