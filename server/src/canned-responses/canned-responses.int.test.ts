// Canned responses through the API: /shortcut completion (?q=), placeholders kept as written,
// unique shortcuts, isolation between workspaces.
import { describe, expect, it } from 'vitest';
import { api, signupWorkspace, workspaceForFile, type TestApp, type WorkspaceOwner } from '../../test/harness';

let app: TestApp;
let owner: WorkspaceOwner;
workspaceForFile((started) => ({ app, owner } = started));

const call = (method: string, path: string, body?: unknown, token = owner.token) => api(app, method, path, body, token);

describe('canned responses', () => {
  it('when created with or without the slash, then the shortcut is stored bare and the placeholders as written', async () => {
    const a = await call('POST', '/v1/canned-responses', { shortcut: '/ola', text: 'Olá {{contact.name}}, aqui é {{agent.name}}!' });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ id: expect.any(String), shortcut: 'ola', text: 'Olá {{contact.name}}, aqui é {{agent.name}}!' });
    await call('POST', '/v1/canned-responses', { shortcut: 'prazo', text: 'O prazo de entrega é de 5 dias úteis.' });
    await call('POST', '/v1/canned-responses', { shortcut: 'pix', text: 'Nossa chave Pix é o CNPJ.' });
    expect((await call('GET', '/v1/canned-responses')).body.items.map((i: any) => i.shortcut)).toEqual(['ola', 'pix', 'prazo']);
  });

  it('when a shortcut has accents, typed composed or as separate marks, then it is one word, stored composed', async () => {
    for (const typed of ['açaí', 'promoção'.normalize('NFD')]) {
      const res = await call('POST', '/v1/canned-responses', { shortcut: typed, text: 'Temos hoje!' });
      expect(res.status, typed).toBe(201);
      expect(res.body.shortcut).toBe(typed.normalize('NFC'));
    }
    await Promise.all(['açaí', 'promoção'].map(async (s) => {
      const id = (await call('GET', `/v1/canned-responses?q=${encodeURIComponent(s)}`)).body.items[0].id;
      await call('DELETE', `/v1/canned-responses/${id}`);
    }));
  });

  it('when searched, then shortcut prefixes come first, then texts that hold the words', async () => {
    expect((await call('GET', '/v1/canned-responses?q=p')).body.items.map((i: any) => i.shortcut)).toEqual(['pix', 'prazo']);
    expect((await call('GET', '/v1/canned-responses?q=%2Fpra')).body.items.map((i: any) => i.shortcut)).toEqual(['prazo']);
    expect((await call('GET', '/v1/canned-responses?q=entrega')).body.items.map((i: any) => i.shortcut)).toEqual(['prazo']);
    expect((await call('GET', '/v1/canned-responses?q=%25')).body.items).toEqual([]);
  });

  it('when a shortcut is taken (in any case), then create and rename answer 409', async () => {
    expect((await call('POST', '/v1/canned-responses', { shortcut: 'OLA', text: 'x' })).status).toBe(409);
    const pix = (await call('GET', '/v1/canned-responses?q=pix')).body.items[0];
    expect((await call('PATCH', `/v1/canned-responses/${pix.id}`, { shortcut: 'prazo' })).status).toBe(409);
    const edited = await call('PATCH', `/v1/canned-responses/${pix.id}`, { text: 'Chave Pix: 12.345.678/0001-90' });
    expect(edited.body).toMatchObject({ shortcut: 'pix', text: 'Chave Pix: 12.345.678/0001-90' });
  });

  it('when the input is malformed, then the answer is 400', async () => {
    for (const body of [{}, { shortcut: 'com espaço', text: 'x' }, { shortcut: '', text: 'x' }, { shortcut: 'a', text: '' }, { shortcut: 'a'.repeat(33), text: 'x' }]) {
      expect((await call('POST', '/v1/canned-responses', body)).status, JSON.stringify(body)).toBe(400);
    }
  });

  it('when another workspace uses an id, then it is 404 and it lists nothing', async () => {
    const mine = (await call('GET', '/v1/canned-responses')).body.items[0];
    const other = await signupWorkspace(app);
    for (const [method, body] of [['GET'], ['PATCH', { text: 'roubado' }], ['DELETE']] as const) {
      expect((await call(method, `/v1/canned-responses/${mine.id}`, body, other.token)).status, method).toBe(404);
    }
    expect((await call('GET', '/v1/canned-responses', undefined, other.token)).body.items).toEqual([]);
    expect((await call('DELETE', `/v1/canned-responses/${mine.id}`)).status).toBe(204);
    expect((await call('GET', `/v1/canned-responses/${mine.id}`)).status).toBe(404);
  });
});
