// The contacts directory: CSV import in the background with a line-numbered report, one contact per
// Brazilian mobile whatever the ninth digit, list/search/tag filter with paging, CSV export, and LGPD
// export and erasure; every id of another workspace is 404.
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { api, signupWorkspace } from '../../test/harness';
import { imageMessage, textMessage } from '../../test/fakes/whatsapp-payloads';
import { createStorage } from '../storage/s3';
import { createS3ObjectStore } from '../storage/s3-object-store';
import { eventually, pipelineForFile, type Pipeline } from '../../test/pipeline';

let p: Pipeline;
let db: pg.Client;

pipelineForFile((started) => ({ pipeline: p, db } = started));

const call = (method: string, path: string, body?: unknown, token = p.token) => api(p.app, method, path, body, token);

async function postCsv(csv: string | Uint8Array, token = p.token, query = '', type = 'text/csv') {
  const res = await fetch(`${p.app.url}/v1/contacts/import${query}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': type }, body: csv });
  return { status: res.status, body: (await res.json()) as any };
}

async function importDone(csv: string | Uint8Array) {
  const posted = await postCsv(csv);
  expect(posted.status).toBe(202);
  return eventually(async () => {
    const r = await call('GET', `/v1/contacts/imports/${posted.body.id}`);
    return r.body.status === 'completed' ? r.body : null;
  });
}

describe('contacts directory', () => {
  it('when a CSV is imported, then good lines create or update contacts and bad ones are reported by line', async () => {
    await p.wa.inbound({ waId: '5511977770001', name: 'Marina' }, textMessage('oi'));
    await eventually(async () => (await call('GET', '/v1/conversations')).body.items[0]);
    const csv = [
      'phone,name,tags,cidade',
      '+55 11 97777-0001,Marina Alves,vip;atacado,Campinas', // the WhatsApp contact already there
      '(21) 98765-4321,"Souza, Bruno",lead,Rio',
      'not-a-phone,Carla,,',
      ',Sem Telefone,,',
      '21 98765-4321,Bruno Souza,lead;novo,', // the same number again: merged and reported
      '11 3333-4444,Loja Centro,fornecedor,São Paulo',
    ].join('\n');
    const report = await importDone(csv);
    // Line 6 repeats line 3's number: merged into the contact line 3 made, and said so.
    expect(report).toMatchObject({ status: 'completed', total: 6, created: 2, updated: 1, merged: 1, rejected: 2 });
    expect(report.errors).toEqual([
      { line: 4, code: 'phone_invalid', value: 'not-a-phone', message: '"not-a-phone" is not a valid phone number' },
      { line: 5, code: 'phone_empty', message: 'phone is empty' },
      { line: 6, code: 'duplicate_phone', value: '3', message: 'repeats the phone of line 3: merged into that contact' },
    ]);
    const marina = (await call('GET', '/v1/contacts?q=Marina')).body.items;
    expect(marina).toHaveLength(1);
    expect(marina[0]).toMatchObject({ name: 'Marina Alves', phone: '+5511977770001', tags: ['vip', 'atacado'], attributes: { cidade: 'Campinas' }, optedOut: false });
    const bruno = (await call('GET', '/v1/contacts?q=98765')).body.items;
    expect(bruno).toEqual([expect.objectContaining({ name: 'Bruno Souza', phone: '+5521987654321', tags: ['lead', 'novo'], attributes: { cidade: 'Rio' } })]);
  });

  it('when the phone column is headed as people write it (Fone, Tel, Número…), then the file imports', async () => {
    for (const [header, phone] of [['Fone', '+5511966661001'], ['TEL', '+5511966661002'], ['Número', '+5511966661003'], ['numero', '+5511966661004'], ['Mobile', '+5511966661005']]) {
      expect(await importDone(`${header},nome\n${phone},Cliente ${header}`), header).toMatchObject({ created: 1, rejected: 0 });
    }
    expect((await call('GET', '/v1/contacts?q=966661003')).body.items).toEqual([expect.objectContaining({ name: 'Cliente Número' })]);
  });

  it('when a Brazilian mobile writes without the ninth digit, then the imported contact gets the conversation', async () => {
    await importDone('phone,name\n+55 11 98888-1111,Paula');
    const imported = (await call('GET', '/v1/contacts?q=Paula')).body.items[0];
    await p.wa.inbound({ waId: '551188881111', name: 'Paulinha' }, textMessage('oi'));
    const conv = await eventually(async () => (await call('GET', '/v1/conversations?q=Paula')).body.items[0]);
    expect(conv.contact.id).toBe(imported.id);
    expect((await call('GET', `/v1/contacts/${imported.id}`)).body).toMatchObject({ name: 'Paula', phone: '+5511988881111' });
    expect((await call('GET', '/v1/contacts?q=88881111')).body.items).toHaveLength(1);
  });

  it('when filtered by tag and paged, then each contact appears once in order', async () => {
    const lines = Array.from({ length: 7 }, (_, i) => `+55 31 99000-000${i},Cliente ${i},pagina`);
    await importDone(['phone,name,tags', ...lines].join('\n'));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await call('GET', `/v1/contacts?tag=pagina&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((c: any) => c.name));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(Array.from({ length: 7 }, (_, i) => `Cliente ${i}`));
    expect((await call('GET', '/v1/contacts?tag=vip')).body.items.map((c: any) => c.name)).toEqual(['Marina Alves']);
  });

  it('when the tags are listed, then each comes once with how many contacts have it, most used first, and only this workspace\'s', async () => {
    await importDone(['phone,name,tags', '+55 41 99111-0001,Tânia,sorvete-agosto;lista-agosto', '+55 41 99111-0002,Ulisses,sorvete-agosto', '+55 41 99111-0003,Vera,sorvete-agosto'].join('\n'));
    const res = await call('GET', '/v1/contacts/tags');
    expect(res.status).toBe(200);
    const items: Array<{ tag: string; contacts: number }> = res.body.items;
    expect(items.find((i) => i.tag === 'sorvete-agosto')).toEqual({ tag: 'sorvete-agosto', contacts: 3 });
    expect(items.find((i) => i.tag === 'lista-agosto')).toEqual({ tag: 'lista-agosto', contacts: 1 });
    expect(items.map((i) => i.contacts)).toEqual([...items.map((i) => i.contacts)].sort((a, b) => b - a));
    expect(new Set(items.map((i) => i.tag)).size).toBe(items.length);
    const other = await signupWorkspace(p.app);
    expect((await call('GET', '/v1/contacts/tags', undefined, other.token)).body).toEqual({ items: [] });
  });

  it('when exported, then the CSV has the import columns and can be read back', async () => {
    const res = await fetch(`${p.app.url}/v1/contacts/export?tag=vip`, { headers: { authorization: `Bearer ${p.token}` } });
    expect(res.headers.get('content-type')).toContain('text/csv');
    const text = (await res.text()).replace(/^\uFEFF/, '');
    const [header, row, ...rest] = text.trim().split('\r\n');
    expect(header).toBe('phone,name,tags,cidade,opted_out,created_at');
    expect(row).toMatch(/^\+5511977770001,Marina Alves,"vip;atacado",Campinas,,\d{4}-/);
    expect(rest).toEqual([]);
  });

  it('when the workspace changes its default country, then local numbers are read in it', async () => {
    expect((await call('GET', '/v1/settings/contacts')).body).toEqual({ defaultCountry: 'BR' });
    expect((await call('PUT', '/v1/settings/contacts', { defaultCountry: 'ZZ' })).status).toBe(400);
    expect((await call('PUT', '/v1/settings/contacts', { defaultCountry: 'US' })).body).toEqual({ defaultCountry: 'US' });
    await importDone('phone,name\n(415) 555-2671,Frank');
    expect((await call('GET', '/v1/contacts?q=Frank')).body.items[0].phone).toBe('+14155552671');
    await call('PUT', '/v1/settings/contacts', { defaultCountry: 'BR' });
  });

  it('when Excel saved the file in Windows-1252 or as Unicode text (UTF-16, tab-separated), then accented names import as written', async () => {
    // "CSV (separado por vírgulas)" from Excel in Brazil: semicolons, Windows-1252.
    const ansi = Buffer.from('phone;name;cidade\n+55 41 99100-0001;João Conceição;Maringá\n', 'latin1');
    expect((await importDone(ansi)).created).toBe(1);
    expect((await call('GET', '/v1/contacts?q=99100-0001')).body.items[0]).toMatchObject({ name: 'João Conceição', attributes: { cidade: 'Maringá' } });
    const unicode = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Telefone\tNome\n+55 41 99100-0002\tAçaí, Ltda\n', 'utf16le')]);
    expect((await importDone(unicode)).created).toBe(1);
    expect((await call('GET', '/v1/contacts?q=99100-0002')).body.items[0]).toMatchObject({ name: 'Açaí, Ltda' });
  });

  it('when the file or query is malformed, then the answer is 4xx and no import starts', async () => {
    const xlsx = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]);
    expect(await postCsv(xlsx)).toMatchObject({ status: 400, body: { error: { reason: 'not_csv', message: expect.stringContaining('not a CSV file') } } });
    // Each refusal of the whole file has a reason the client words in the user's language.
    expect(await postCsv('name,tags\nAna,vip')).toMatchObject({ status: 400, body: { error: { code: 'validation_failed', reason: 'no_phone_column' } } });
    expect(await postCsv('')).toMatchObject({ status: 400, body: { error: { reason: 'file_empty' } } });
    expect(await postCsv('phone,???\n1,2')).toMatchObject({ status: 400, body: { error: { reason: 'bad_column', column: '???' } } });
    expect(await postCsv('phone,Fone\n1,2')).toMatchObject({ status: 400, body: { error: { reason: 'duplicate_column', column: 'phone' } } });
    expect((await postCsv('{"phone":1}', p.token, '', 'application/json')).status).toBe(415);
    expect((await call('GET', '/v1/contacts?cursor=bm9wZQ')).status).toBe(400);
    const forged = (at: string, id = '6f1c1f8e-5a43-4c55-9a53-0c2b3f1b2f10') => Buffer.from(`${at}|${id}`).toString('base64url');
    for (const cursor of [forged('2026-13-45 00:00:00+00'), forged('2026-12-02 17:24:48+99'), forged('2026-12-02 17:24:48+00', '-'.repeat(36))]) {
      expect((await call('GET', `/v1/contacts?cursor=${cursor}`)).status).toBe(400);
    }
    expect((await call('GET', '/v1/contacts?limit=5000')).status).toBe(400);
  });

  it('when a spreadsheet left a quote open, then that line is reported and the lines after it import', async () => {
    const report = await importDone('phone,name,cidade\n+5511944440001,"Ana,SP\n+5511944440002,Bia,RJ\n+5511944440003,"Cida, a ""Cidinha""",BH\n');
    expect(report).toMatchObject({ total: 3, created: 2, rejected: 1 });
    expect(report.errors).toEqual([expect.objectContaining({ line: 2, code: 'unclosed_quote' })]);
    expect((await call('GET', '/v1/contacts?q=Cidinha')).body.items).toEqual([expect.objectContaining({ phone: '+5511944440003', attributes: { cidade: 'BH' } })]);
  });

  it('when a file would give a contact more attributes than it may have, then the import refuses it instead of leaving the contact uneditable', async () => {
    const columns = Array.from({ length: 201 }, (_, i) => `c${i}`);
    expect(await postCsv(`phone,${columns.join(',')}\n+5511944441001,${columns.map(() => 'x').join(',')}`)).toMatchObject({
      status: 400, body: { error: { message: '201 attribute columns: a contact has at most 200 attributes' } },
    });
    // 150 now and 100 others later: the second line is refused, and the contact stays editable.
    const wide = (from: number, n: number) => Array.from({ length: n }, (_, i) => `a${from + i}`);
    const first = wide(0, 150);
    expect(await importDone(`phone,${first.join(',')}\n+5511944441002,${first.map(() => '1').join(',')}`)).toMatchObject({ created: 1 });
    const second = wide(150, 100);
    const report = await importDone(`phone,${second.join(',')}\n+5511944441002,${second.map(() => '2').join(',')}`);
    expect(report).toMatchObject({ updated: 0, rejected: 1, errors: [expect.objectContaining({ line: 2, code: 'too_many_attributes' })] });
    const [contact] = (await call('GET', '/v1/contacts?q=944441002')).body.items;
    expect(Object.keys(contact.attributes)).toHaveLength(150);
    expect((await call('PATCH', `/v1/contacts/${contact.id}`, { name: 'Larga' })).status).toBe(200);
  });

  it('when a header column is called constructor, __proto__ or prototype (any case), then the 400 names it and no import starts', async () => {
    const imports = async () => (await db.query('SELECT count(*)::int AS n FROM contact_imports WHERE tenant_id = $1', [p.tenantId])).rows[0].n;
    const before = await imports();
    for (const column of ['constructor', '__PROTO__', 'Prototype']) {
      expect(await postCsv(`phone,${column}\n+5511911112222,x`), column).toMatchObject({
        status: 400, body: { error: { code: 'validation_failed', message: `Column "${column}" is not a valid attribute name (__proto__, constructor and prototype are reserved)` } },
      });
    }
    expect(await imports()).toBe(before);
  });

  it('when a contact asks for their data and then erasure, then the export is complete and the messages stay, anonymized', async () => {
    await p.wa.inbound({ waId: '5511955550002', name: 'Rita' }, textMessage('meu cpf é 123'));
    const conv = await eventually(async () => (await call('GET', '/v1/conversations?q=Rita')).body.items[0]);
    // And a photo of a document, kept in object storage.
    p.wa.addMedia('MID-RG', Buffer.from('foto do RG da Rita'), 'image/jpeg');
    await p.wa.inbound({ waId: '5511955550002', name: 'Rita' }, imageMessage('MID-RG', 'meu RG'));
    const key = await eventually(async () => (await db.query(
      "SELECT payload->'media'->>'storageKey' AS key FROM messages WHERE conversation_id = $1 AND payload->'media'->>'status' = 'stored'", [conv.id],
    )).rows[0]?.key as string | undefined);
    const storage = createStorage(p.app.config);
    const objects = createS3ObjectStore(storage);
    expect(Buffer.from((await objects.get(key)).bytes).toString()).toBe('foto do RG da Rita');
    const data = await call('GET', `/v1/contacts/${conv.contact.id}/data`);
    expect(data.body.contact).toMatchObject({ name: 'Rita', phone: '+5511955550002' });
    expect(data.body.conversations[0].messages).toEqual(expect.arrayContaining([expect.objectContaining({ direction: 'in', text: 'meu cpf é 123' })]));

    expect((await call('DELETE', `/v1/contacts/${conv.contact.id}`)).status).toBe(204);
    expect((await call('GET', `/v1/contacts/${conv.contact.id}`)).status).toBe(404);
    expect((await call('GET', '/v1/contacts?q=Rita')).body.items).toEqual([]);
    const left = await db.query('SELECT m.text, m.payload, m.raw, c.name, c.phone, c.external_id FROM messages m JOIN conversations v ON v.id = m.conversation_id JOIN contacts c ON c.id = v.contact_id WHERE v.id = $1', [conv.id]);
    expect(left.rows.length).toBeGreaterThan(1);
    for (const r of left.rows) expect(r).toEqual({ text: null, payload: {}, raw: null, name: null, phone: null, external_id: `erased:${conv.contact.id}` });
    // The file they sent is gone from storage too.
    await expect(objects.get(key)).rejects.toThrow();
    storage.client.destroy();
    // Writing again starts afresh as a new contact.
    await p.wa.inbound({ waId: '5511955550002', name: 'Rita' }, textMessage('oi de novo'));
    const again = await eventually(async () => (await call('GET', '/v1/contacts?q=Rita')).body.items[0]);
    expect(again.id).not.toBe(conv.contact.id);
  });

  it('when a marketer tries a flow in the builder, then the tester is not a contact: not listed, exported or readable', async () => {
    const created = await call('POST', '/v1/flows', { name: 'Teste de contato' });
    const run = await call('POST', `/v1/flows/${created.body.id}/test`, {});
    expect(run.status).toBe(201);
    const tester = await eventually(async () => (await db.query('SELECT contact_id FROM conversations WHERE id = $1', [run.body.conversationId])).rows[0]?.contact_id as string | undefined);
    const listed = await call('GET', '/v1/contacts?limit=200');
    expect(listed.body.items.length).toBeGreaterThan(0);
    expect(listed.body.items.map((c: { id: string }) => c.id)).not.toContain(tester);
    expect(listed.body.items.map((c: { channelId: string }) => c.channelId)).not.toContain(run.body.channelId);
    expect((await call('GET', `/v1/contacts/${tester}`)).status).toBe(404);
    const csv = await (await fetch(`${p.app.url}/v1/contacts/export`, { headers: { authorization: `Bearer ${p.token}` } })).text();
    expect(csv.trim().split('\r\n')).toHaveLength(1 + listed.body.items.length);
  });

  it('when another workspace asks, then contacts, imports and erasure are out of reach', async () => {
    const other = await signupWorkspace(p.app);
    const mine = (await call('GET', '/v1/contacts?q=Marina')).body.items[0];
    const imp = await postCsv('phone\n+5511911112222');
    expect((await call('GET', '/v1/contacts', undefined, other.token)).body.items).toEqual([]);
    expect((await call('GET', `/v1/contacts/imports/${imp.body.id}`, undefined, other.token)).status).toBe(404);
    expect((await call('GET', `/v1/contacts/${mine.id}/data`, undefined, other.token)).status).toBe(404);
    expect((await call('DELETE', `/v1/contacts/${mine.id}`, undefined, other.token)).status).toBe(404);
    expect((await postCsv('phone\n+5511911112222', other.token, `?channelId=${p.channelId}`)).status).toBe(404);
    // Without a channel of its own, the other workspace cannot import at all.
    expect((await postCsv('phone\n+5511911112222', other.token)).status).toBe(400);
    const text = await (await fetch(`${p.app.url}/v1/contacts/export`, { headers: { authorization: `Bearer ${other.token}` } })).text();
    expect(text.trim().split('\r\n')).toHaveLength(1);
    expect((await call('GET', `/v1/contacts/${mine.id}`)).body.name).toBe('Marina Alves');
  });

  it('when a phone repeats far down a long file (another batch), then the later line is merged into the first and reported with its line', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => `+55 41 99113-${String(i).padStart(4, '0')},Pessoa ${i},lote`);
    rows[279] = '(41) 99113-0000,Ana Repetida,repetida';
    const report = await importDone(['phone,name,tags', ...rows].join('\n'));
    expect(report).toMatchObject({ status: 'completed', total: 300, created: 299, updated: 0, merged: 1, rejected: 0 });
    expect(report.errors).toEqual([{ line: 281, code: 'duplicate_phone', value: '2', message: 'repeats the phone of line 2: merged into that contact' }]);
    const ana = (await call('GET', '/v1/contacts?q=991130000')).body.items;
    expect(ana).toEqual([expect.objectContaining({ name: 'Ana Repetida', tags: ['lote', 'repetida'] })]);
  });

  it('when the attribute names are listed, then each comes once with how many contacts hold it, most held first, and only this workspace\'s', async () => {
    await importDone(['phone,name,bairro,Observação', '+55 41 99112-0001,Wagner,Pina,Portão azul', '+55 41 99112-0002,Xênia,Boa Viagem,'].join('\n'));
    const res = await call('GET', '/v1/contacts/attributes');
    expect(res.status).toBe(200);
    const items: Array<{ key: string; contacts: number }> = res.body.items;
    expect(items.find((i) => i.key === 'bairro')?.contacts).toBeGreaterThanOrEqual(2);
    expect(items.find((i) => i.key === 'Observação')?.contacts).toBeGreaterThanOrEqual(1);
    expect(items.map((i) => i.contacts)).toEqual([...items.map((i) => i.contacts)].sort((a, b) => b - a));
    expect(new Set(items.map((i) => i.key)).size).toBe(items.length);
    const other = await signupWorkspace(p.app);
    expect((await call('GET', '/v1/contacts/attributes', undefined, other.token)).body).toEqual({ items: [] });
  });

  it('when a Brazilian spreadsheet heads its columns Telefone;Nome;Data de nascimento, then the file imports and says which column became which attribute', async () => {
    const csv = 'Telefone;Nome;Data de nascimento;Etiquetas;Observação\n(11) 91234-5678;Carla;10/03/1990;cliente;prefere à tarde\n';
    const posted = await postCsv(csv);
    expect(posted).toMatchObject({ status: 202, body: { attributeColumns: [
      { column: 'Data de nascimento', attribute: 'Data_de_nascimento' }, { column: 'Observação', attribute: 'Observação' },
    ] } });
    const report = await eventually(async () => {
      const r = await call('GET', `/v1/contacts/imports/${posted.body.id}`);
      return r.body.status === 'completed' ? r.body : null;
    });
    expect(report).toMatchObject({ created: 1, rejected: 0, attributeColumns: posted.body.attributeColumns });
    const [carla] = (await call('GET', '/v1/contacts?q=91234-5678')).body.items;
    expect(carla).toMatchObject({ name: 'Carla', phone: '+5511912345678', tags: ['cliente'], attributes: { Data_de_nascimento: '10/03/1990', Observação: 'prefere à tarde' } });
    // The name the import gave is one the contact can be edited with.
    expect((await call('PATCH', `/v1/contacts/${carla.id}`, { attributes: { Data_de_nascimento: '10/03' } })).status).toBe(200);
  });
});
