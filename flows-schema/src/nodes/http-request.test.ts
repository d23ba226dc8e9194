import { describe, expect, it } from 'vitest';
import { httpRequestNode, type HttpRequestConfig } from './http-request';

const ctx = (declared: string[] = []) => ({ declaredVariables: new Set(declared) });
const config = (over: Partial<HttpRequestConfig> = {}): HttpRequestConfig => ({ ...httpRequestNode.defaults(), url: 'https://api.loja.com.br/pedidos/{{pedido}}', ...over });

describe('http_request node', () => {
  it('when created with its defaults, then the config parses, it has ok (required) and error outputs and never waits for the customer', () => {
    expect(httpRequestNode.config.parse(httpRequestNode.defaults())).toEqual(httpRequestNode.defaults());
    expect(httpRequestNode.outputs(httpRequestNode.defaults()).map((o) => [o.id, o.required])).toEqual([['ok', true], ['error', false]]);
    expect(httpRequestNode.waitsForCustomer(httpRequestNode.defaults())).toBe(false);
  });

  it.each([
    ['an unknown method', { method: 'TRACE' }],
    ['a timeout over 30 s', { timeoutSeconds: 31 }],
    ['a header without the secret flag', { headers: [{ name: 'a', value: 'b' }] }],
  ])('when the config has %s, then the schema rejects it', (_name, over) => {
    expect(httpRequestNode.config.safeParse({ ...httpRequestNode.defaults(), ...over }).success).toBe(false);
  });

  it('when the URL, a header, the body or a mapping is wrong, then check names each one', () => {
    const bad = config({
      url: 'ftp://x',
      headers: [{ name: 'bad header', value: 'x', secret: false }, { name: '', value: '', secret: false }],
      body: '{"a": {{x}}',
      mappings: [{ path: 'data..status', variable: 'status' }, { path: 'ok', variable: null }],
    });
    expect(httpRequestNode.check?.(bad, ctx())).toEqual([
      { code: 'invalid_format', path: 'url' },
      { code: 'invalid_format', path: 'headers.0.name' },
      { code: 'required_field', path: 'headers.1.name' },
      { code: 'invalid_format', path: 'body' },
      { code: 'invalid_format', path: 'mappings.0.path' },
      { code: 'undeclared_variable', path: 'mappings.0.variable', params: { name: 'status' } },
      { code: 'required_field', path: 'mappings.1.variable' },
    ]);
    expect(httpRequestNode.check?.(config({ url: '' }), ctx())).toEqual([{ code: 'required_field', path: 'url' }]);
  });

  it('when everything is filled in, then check is quiet; placeholders inside JSON strings keep the body valid', () => {
    const good = config({
      method: 'POST',
      headers: [{ name: 'Authorization', value: 'Bearer abc', secret: true }],
      body: '{"phone": "{{contact.phone}}", "items": [1, 2]}',
      mappings: [{ path: 'data.order.status', variable: 'status' }, { path: 'items.0.name', variable: 'item' }],
    });
    expect(httpRequestNode.check?.(good, ctx(['status', 'item']))).toEqual([]);
  });

  it('when asked for templates and a summary, then the URL and body are templates (never headers) and the card shows method and URL', () => {
    const c = config({ headers: [{ name: 'X-Key', value: '{{segredo}}', secret: true }], body: '{"a":"{{b}}"}' });
    expect(httpRequestNode.templates(c)).toEqual([
      { path: 'url', text: 'https://api.loja.com.br/pedidos/{{pedido}}' },
      { path: 'body', text: '{"a":"{{b}}"}' },
    ]);
    expect(httpRequestNode.summary(c)).toBe('GET https://api.loja.com.br/pedidos/{{pedido}}');
  });
});
