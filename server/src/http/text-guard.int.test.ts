// PostgreSQL cannot store NUL in text or jsonb, nor half of a surrogate pair in jsonb: every route that
// saved or searched such a string answered 500. Each is now a 400 that says why, and text that merely
// mentions "\u0000" is kept. A body nested thousands of levels deep is refused at the edge too.
import { describe, expect, it } from 'vitest';
import { api, workspaceForFile, type TestApp, type WorkspaceOwner } from '../../test/harness';

let app: TestApp;
let owner: WorkspaceOwner;
workspaceForFile((started) => ({ app, owner } = started));

const call = (method: string, path: string, body?: unknown) => api(app, method, path, body, owner.token);
const refused = { code: 'validation_failed', message: 'Text may not contain NUL (\\u0000) or unpaired surrogates (\\ud800–\\udfff)' };

describe('NUL and half surrogate pairs in requests', () => {
  it('when a body holds NUL or half of an emoji in a name, a text, a document or a key, then 400 says so and nothing is saved', async () => {
    expect(await call('POST', '/v1/teams', { name: 'Vendas\u0000', memberIds: [] })).toMatchObject({ status: 400, body: { error: refused } });
    expect(await call('POST', '/v1/canned-responses', { shortcut: 'oi', text: 'Olá\u0000' })).toMatchObject({ status: 400, body: { error: refused } });
    const flow = await call('POST', '/v1/flows', { name: 'Promoção' });
    expect(flow.status).toBe(201);
    expect((await call('PATCH', `/v1/flows/${flow.body.id}`, { name: '\u0000' })).status).toBe(400);
    const document = { ...flow.body.document, variables: [{ ['na\u0000me']: 'x' }] };
    expect((await call('PUT', `/v1/flows/${flow.body.id}`, { document })).status).toBe(400);
    // An emoji cut in half (a string sliced between its two UTF-16 units) in a jsonb document.
    const halfEmoji = { ...flow.body.document, variables: [{ name: 'oferta', label: '🎁'.slice(0, 1) }] };
    expect(await call('PUT', `/v1/flows/${flow.body.id}`, { document: halfEmoji })).toMatchObject({ status: 400, body: { error: refused } });
    expect((await call('POST', '/v1/flows', { name: 'x', document: { a: '\udfff' } })).status).toBe(400);
    expect((await call('GET', '/v1/teams')).body.items).toEqual([]);
    expect((await call('GET', `/v1/flows/${flow.body.id}`)).body.name).toBe('Promoção');
  });

  it('when a search or filter decodes to NUL, then 400 instead of a failed query', async () => {
    for (const path of ['/v1/contacts?q=%00', '/v1/contacts?tag=a%00', '/v1/conversations?q=%00', '/v1/canned-responses?q=%00']) {
      expect(await call('GET', path), path).toMatchObject({ status: 400, body: { error: refused } });
    }
  });

  it('when text only mentions \\u0000 or holds whole emoji, then it is saved as written', async () => {
    const team = await call('POST', '/v1/teams', { name: 'Suporte \\u0000 \\ud800', memberIds: [] });
    expect(team).toMatchObject({ status: 201, body: { name: 'Suporte \\u0000 \\ud800' } });
    // JSON.stringify writes 😀 as UTF-8; a client may also send it as a pair of escapes.
    const res = await fetch(`${app.url}/v1/canned-responses`, {
      method: 'POST',
      headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'application/json' },
      body: '{"shortcut":"oi","text":"Ol\\u00e1 \\ud83d\\ude00"}',
    });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { text: string }).text).toBe('Olá 😀');
  });

  it('when a body nests 5,000 levels deep, then 400 says so instead of a failed validation or insert', async () => {
    const deep = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
    for (const path of ['/v1/flows', '/v1/flows/import']) {
      const res = await fetch(`${app.url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'application/json' },
        body: `{"name":"deep","document":${deep}}`,
      });
      expect(res.status, path).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'validation_failed', message: 'JSON may not nest more than 64 levels' } });
    }
  });
});
