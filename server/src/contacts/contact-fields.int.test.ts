// The contact fields a marketer manages: listed with their contacts and the flows using them, renamed
// (the letter case only, a new name, into a field that exists) and deleted on every contact at once,
// in this workspace only; bad names and agents are refused, and each change is in the audit log.
import { describe, expect, it } from 'vitest';
import type pg from 'pg';
import { api } from '../../test/harness';
import { addAgent } from '../../test/agents';
import { edge, flow, keywordTrigger, node } from '../../test/flow-docs';
import { otherWorkspace, pipelineForFile, type Pipeline } from '../../test/pipeline';

let p: Pipeline;
let db: pg.Client;
pipelineForFile((started) => ({ pipeline: p, db } = started));

const call = (method: string, path: string, body?: unknown, token = p.token) => api(p.app, method, path, body, token);
const attributesOf = async (phone: string, tenantId = p.tenantId) =>
  (await db.query('SELECT attributes FROM contacts WHERE tenant_id = $1 AND phone_e164 = $2', [tenantId, phone])).rows[0]?.attributes;
const spellings = async (tenantId = p.tenantId) =>
  (await db.query('SELECT name FROM contact_attribute_names WHERE tenant_id = $1 ORDER BY folded', [tenantId])).rows.map((r) => r.name);
const fields = async (token = p.token) => (await call('GET', '/v1/contacts/attributes/usage', undefined, token)).body.items as Array<{ key: string; contacts: number; flows: Array<{ name: string }> }>;
const field = async (key: string) => (await fields()).find((f) => f.key.toLowerCase() === key.toLowerCase());

async function add(phone: string, attributes: Record<string, string>, token = p.token) {
  const res = await call('POST', '/v1/contacts', { phone, attributes }, token);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

describe('contact fields', () => {
  it('when flows read or set a field, then the list names them with how many contacts have a value', async () => {
    await add('+5581991001001', { Cidade: 'Recife', Plano: 'ouro' });
    await add('+5581991001002', { cidade: 'Olinda' });
    await p.publish(flow(
      [keywordTrigger('oi'), node('say', 'message', { text: 'Oi, gente de {{contact.CIDADE}}!' })],
      [edge('start', 'next', 'say')],
    ), 'Boas-vindas');
    const draft = flow([keywordTrigger('plano'), node('act', 'actions', { actions: [{ kind: 'set_attribute', tags: [], name: 'plano', value: 'prata' }] })], [edge('start', 'next', 'act')]);
    expect((await call('POST', '/v1/flows', { name: 'Upgrade', document: draft })).status).toBe(201);

    expect(await field('cidade')).toEqual({ key: 'Cidade', contacts: 2, flows: [{ id: expect.any(String), name: 'Boas-vindas' }] });
    expect(await field('plano')).toEqual({ key: 'Plano', contacts: 1, flows: [{ id: expect.any(String), name: 'Upgrade' }] });
  });

  it('when only the letter case changes, then every contact\'s key and the recorded spelling change, values kept', async () => {
    // A contact from before names were one whatever their case still holds another spelling.
    const old = await add('+5581991001003', { Bairro: 'Derby' });
    await db.query(`UPDATE contacts SET attributes = '{"BAIRRO": "Derby"}' WHERE id = $1`, [old]);
    await add('+5581991001004', { bairro: 'Graças' });
    const res = await call('POST', '/v1/contacts/attributes/rename', { from: 'BAIRRO', to: 'bairro' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ from: 'Bairro', to: 'bairro', contacts: 2, merged: 0 });
    expect(await attributesOf('+5581991001003')).toEqual({ bairro: 'Derby' });
    expect(await attributesOf('+5581991001004')).toEqual({ bairro: 'Graças' });
    expect(await spellings()).toContain('bairro');
    expect(await spellings()).not.toContain('Bairro');
    // Writers now take the new spelling.
    expect((await call('POST', '/v1/contacts', { phone: '+5581991001005', attributes: { BAIRRO: 'Torre' } })).body.attributes).toEqual({ bairro: 'Torre' });
  });

  it('when renamed to a new name, then every value moves there, the old name is gone, and the audit log says so', async () => {
    await add('+5581991001006', { cidadee: 'Caruaru', Plano: 'bronze' });
    await add('+5581991001007', { cidadee: 'Garanhuns' });
    const res = await call('POST', '/v1/contacts/attributes/rename', { from: 'cidadee', to: 'Município' });
    expect(res.body).toEqual({ from: 'cidadee', to: 'Município', contacts: 2, merged: 0 });
    expect(await attributesOf('+5581991001006')).toEqual({ Município: 'Caruaru', Plano: 'bronze' });
    expect(await attributesOf('+5581991001007')).toEqual({ Município: 'Garanhuns' });
    expect(await spellings()).toContain('Município');
    expect(await spellings()).not.toContain('cidadee');
    expect((await fields()).map((f) => f.key)).not.toContain('cidadee');
    const audit = await db.query(`SELECT data FROM audit_logs WHERE tenant_id = $1 AND action = 'contact_field.renamed' ORDER BY id DESC LIMIT 1`, [p.tenantId]);
    expect(audit.rows[0].data).toEqual({ name: 'Município', previousName: 'cidadee', contacts: 2, merged: 0 });
  });

  it('when renamed into a field that exists, then a contact holding both keeps the target\'s value, counted as merged', async () => {
    await add('+5581991001008', { Cidade: 'Natal' });
    const both = await add('+5581991001009', { Cidade: 'Paulista' });
    await db.query(`UPDATE contacts SET attributes = attributes || '{"Municipio_antigo": "Igarassu"}' WHERE id = $1`, [both]);
    await add('+5581991001010', { Municipio_antigo: 'Goiana' });
    const res = await call('POST', '/v1/contacts/attributes/rename', { from: 'municipio_antigo', to: 'Cidade' });
    expect(res.body).toEqual({ from: 'Municipio_antigo', to: 'Cidade', contacts: 2, merged: 1 });
    expect(await attributesOf('+5581991001009')).toEqual({ Cidade: 'Paulista' });
    expect(await attributesOf('+5581991001010')).toEqual({ Cidade: 'Goiana' });
    expect(await attributesOf('+5581991001008')).toEqual({ Cidade: 'Natal' });
    expect((await field('cidade'))?.contacts).toBe(5);
  });

  it('when deleted, then every contact loses the value (any spelling), the name is forgotten, and the audit log says how many', async () => {
    const old = await add('+5581991001011', { Plano: 'ouro', Cidade: 'Recife' });
    await db.query(`UPDATE contacts SET attributes = '{"PLANO": "ouro", "Cidade": "Recife"}' WHERE id = $1`, [old]);
    const before = (await field('plano'))!.contacts;
    const res = await call('DELETE', '/v1/contacts/attributes/plano');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ name: 'Plano', contacts: before });
    expect(await attributesOf('+5581991001011')).toEqual({ Cidade: 'Recife' });
    expect(await attributesOf('+5581991001001')).toEqual({ Cidade: 'Recife' });
    expect(await spellings()).not.toContain('Plano');
    expect(await field('plano')).toBeUndefined();
    const audit = await db.query(`SELECT data FROM audit_logs WHERE tenant_id = $1 AND action = 'contact_field.deleted'`, [p.tenantId]);
    expect(audit.rows.map((r) => r.data)).toEqual([{ name: 'Plano', contacts: before }]);
    expect((await call('DELETE', '/v1/contacts/attributes/plano')).status).toBe(404);
  });

  it('when another workspace renames or deletes its field of the same name, then this workspace\'s contacts and spellings stay, and the other way round', async () => {
    const other = await otherWorkspace(p, 'Loja Vizinha', '106540352243311');
    await add('+5581991001001', { cidade: 'Natal', Nivel: '1' }, other.token);
    await add('+5581991001020', { Nivel: '2' });
    const mine = await attributesOf('+5581991001001');
    const mySpellings = await spellings();

    expect((await call('POST', '/v1/contacts/attributes/rename', { from: 'cidade', to: 'Cidade_natal' }, other.token)).body.contacts).toBe(1);
    expect((await call('DELETE', '/v1/contacts/attributes/nivel', undefined, other.token)).body.contacts).toBe(1);
    expect(await attributesOf('+5581991001001')).toEqual(mine);
    expect(await attributesOf('+5581991001020')).toEqual({ Nivel: '2' });
    expect(await spellings()).toEqual(mySpellings);
    expect(await attributesOf('+5581991001001', other.tenantId)).toEqual({ Cidade_natal: 'Natal' });

    const theirs = await spellings(other.tenantId);
    expect((await call('DELETE', '/v1/contacts/attributes/Cidade')).status).toBe(200);
    expect((await call('POST', '/v1/contacts/attributes/rename', { from: 'Nivel', to: 'Cidade_natal' })).status).toBe(200);
    expect(await attributesOf('+5581991001001', other.tenantId)).toEqual({ Cidade_natal: 'Natal' });
    expect(await spellings(other.tenantId)).toEqual(theirs);
    // A field only another workspace has is not found here.
    expect((await call('POST', '/v1/contacts/attributes/rename', { from: 'xyz_only_there', to: 'abc' })).status).toBe(404);
  });

  it('when the new name is not a name, the same, or missing, then 400 saying why; the field stays', async () => {
    await add('+5581991001030', { Loja: 'Centro' });
    for (const to of ['data de nascimento', '', 'constructor', 'x'.repeat(65), 'Loja']) {
      const res = await call('POST', '/v1/contacts/attributes/rename', { from: 'Loja', to });
      expect(res.status, to).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    const bad = await call('POST', '/v1/contacts/attributes/rename', { from: 'Loja', to: 'data de nascimento' });
    expect(bad.body.error.issues[0]).toMatchObject({ path: 'to', reason: 'attribute_name' });
    expect((await call('POST', '/v1/contacts/attributes/rename', { to: 'Filial' })).status).toBe(400);
    expect(await attributesOf('+5581991001030')).toEqual({ Loja: 'Centro' });
  });

  it('when an agent renames or deletes a field, then 403; an agent may read the list', async () => {
    const agent = await addAgent(p.app, p.tenantId, 'Bruno');
    expect((await call('POST', '/v1/contacts/attributes/rename', { from: 'Loja', to: 'Filial' }, agent.token)).status).toBe(403);
    expect((await call('DELETE', '/v1/contacts/attributes/Loja', undefined, agent.token)).status).toBe(403);
    expect((await fields(agent.token)).map((f) => f.key)).toContain('Loja');
    expect(await attributesOf('+5581991001030')).toEqual({ Loja: 'Centro' });
  });
});
