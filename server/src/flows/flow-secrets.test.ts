import { describe, expect, it } from 'vitest';
import { keepSecrets, maskSecrets, SECRET_MASK } from './flow-secrets';

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
});
