import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { createSealer } from '../security/seal';
import { SECRET_MAX_BYTES } from '@zyntra/flows-schema';
import { hasOversizedSecret, keepSecrets, maskSecrets, openSecret, sealSecrets, SECRET_MASK } from './flow-secrets';

const header = (name: string, value: string, secret = false) => ({ name, value, secret });
const doc = (headers: Array<ReturnType<typeof header>>) => ({
  schemaVersion: 1,
  nodes: [
    { id: 'start', type: 'trigger', position: { x: 0, y: 0 }, config: { keywords: [] } },
    { id: 'api', type: 'http_request', position: { x: 0, y: 0 }, config: { method: 'GET', url: 'https://x', headers, body: '', mappings: [], timeoutSeconds: 10 } },
  ],
  edges: [],
  settings: {},
});
const headersOf = (d: ReturnType<typeof doc>) => d.nodes[1]!.config.headers as Array<ReturnType<typeof header>>;

describe('credentials in flow documents', () => {
  it('when a document is read back, then Authorization and headers marked secret are masked, others and empty values are not, and the stored one is untouched', () => {
    const stored = doc([header('Authorization', 'Bearer abc'), header('X-Key', 'k1', true), header('Accept', 'application/json'), header('X-Token', '', true)]);
    const shown = maskSecrets(stored);
    expect(headersOf(shown).map((h) => h.value)).toEqual([SECRET_MASK, SECRET_MASK, 'application/json', '']);
    expect(headersOf(stored)[0]!.value).toBe('Bearer abc');
    expect(maskSecrets(doc([]))).toEqual(doc([]));
  });

  it('when the mask comes back, then each header keeps its own stored value even after a reorder; a new or renamed one gets nothing', () => {
    const stored = doc([header('Authorization', 'Bearer abc'), header('X-Key', 'k1', true)]);
    const sent = doc([header('X-Key', SECRET_MASK, true), header('Authorization', SECRET_MASK), header('X-Other', SECRET_MASK, true), header('Cookie', 'typed-now')]);
    expect(headersOf(keepSecrets(sent, stored)).map((h) => h.value)).toEqual(['k1', 'Bearer abc', '', 'typed-now']);
    expect(headersOf(keepSecrets(doc([header('Authorization', SECRET_MASK)]), null))[0]!.value).toBe('');
  });

  it('when a document is not a flow, then it passes through unchanged', () => {
    expect(maskSecrets('x')).toBe('x');
    expect(keepSecrets({ nodes: [{ type: 'http_request', config: { headers: 'no' } }] }, null)).toEqual({ nodes: [{ type: 'http_request', config: { headers: 'no' } }] });
  });

  it('when a document is stored, then credentials are sealed once (a sealed one stays as it is), others are not, and each opens to what was typed', () => {
    const sealer = createSealer(randomBytes(32).toString('base64'), []);
    const typed = doc([header('Authorization', 'Bearer tok-123'), header('X-Key', 'k-456', true), header('Accept-Language', 'pt-BR'), header('X-Empty', '', true)]);
    const stored = sealSecrets(typed, sealer);
    const values = headersOf(stored).map((h) => h.value);
    expect(values[0]).toMatch(/^sealed:/);
    expect(values[1]).toMatch(/^sealed:/);
    expect(values.slice(2)).toEqual(['pt-BR', '']);
    expect(JSON.stringify(stored)).not.toContain('tok-123');
    expect(values.map((v) => openSecret(v, sealer))).toEqual(['Bearer tok-123', 'k-456', 'pt-BR', '']);
    expect(sealSecrets(stored, sealer)).toEqual(stored);
    // A typed value that only looks sealed is sealed like any other, and opens to itself.
    const lookalike = sealSecrets(doc([header('Authorization', 'sealed:not-really')]), sealer);
    expect(openSecret(headersOf(lookalike)[0]!.value, sealer)).toBe('sealed:not-really');
  });

  it('when a credential is as long as the editor allows, then its sealed form fits the field; one byte more is caught before sealing', () => {
    const sealer = createSealer(randomBytes(32).toString('base64'), []);
    const longest = doc([header('Authorization', 'x'.repeat(SECRET_MAX_BYTES))]);
    expect(hasOversizedSecret(longest)).toBe(false);
    expect(headersOf(sealSecrets(longest, sealer))[0]!.value.length).toBeLessThanOrEqual(4000);
    expect(hasOversizedSecret(doc([header('X-Key', 'ç'.repeat(SECRET_MAX_BYTES / 2 + 1), true)]))).toBe(true);
    // Only credentials count, and one already sealed was checked when it was sealed.
    expect(hasOversizedSecret(doc([header('X-Trace', 'x'.repeat(3_500))]))).toBe(false);
    expect(hasOversizedSecret(sealSecrets(longest, sealer))).toBe(false);
  });
});
