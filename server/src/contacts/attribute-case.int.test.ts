// One attribute per name whatever its letter case: a Brazilian shop imports a file with "Cidade", then
// one with "cidade" or "CIDADE", adds and edits contacts through the API, and runs a flow whose
// Actions step sets "cidade"; every value lands in the workspace's "Cidade" (the first spelling), so
// the attribute list, the export and {{placeholders}} read one attribute. Another workspace's
// spellings are its own.
import { describe, expect, it } from 'vitest';
import type pg from 'pg';
import knexFactory from 'knex';
import * as attributeNames from '../../../database/migrations/20261206_0220_contact_attribute_names';
import { api } from '../../test/harness';
import { edge, flow, keywordTrigger, node } from '../../test/flow-docs';
import { textMessage } from '../../test/fakes/whatsapp-payloads';
import { eventually, otherWorkspace, pipelineForFile, type Pipeline } from '../../test/pipeline';

let p: Pipeline;
let db: pg.Client;
pipelineForFile((started) => ({ pipeline: p, db } = started));

const call = (method: string, path: string, body?: unknown, token = p.token) => api(p.app, method, path, body, token);

async function imported(csv: string, token = p.token) {
  const res = await fetch(`${p.app.url}/v1/contacts/import`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, body: csv });
  expect(res.status).toBe(202);
  const { id, attributeColumns } = (await res.json()) as { id: string; attributeColumns: unknown };
  const report = await eventually(async () => {
    const r = (await call('GET', `/v1/contacts/imports/${id}`, undefined, token)).body;
    return r.status === 'completed' ? r : null;
  });
  return { attributeColumns, report };
}

const attributesOf = async (phone: string, tenantId = p.tenantId) =>
  (await db.query('SELECT attributes FROM contacts WHERE tenant_id = $1 AND phone_e164 = $2', [tenantId, phone])).rows[0]?.attributes;

describe('attribute names whatever their letter case', () => {
  it('when a later file has "cidade" or "CIDADE", then it fills the "Cidade" the first file made, and lists and exports one attribute', async () => {
    await imported('Nome;Telefone;Cidade\nAna;+5581990001001;Recife');
    const second = await imported('phone,name,cidade\n+5581990001001,,Olinda\n+5581990001002,Bia,Natal');
    expect(second.attributeColumns).toEqual([{ column: 'cidade', attribute: 'Cidade' }]);
    expect(second.report).toMatchObject({ created: 1, updated: 1, rejected: 0, attributeColumns: [{ column: 'cidade', attribute: 'Cidade' }] });
    await imported('TELEFONE,CIDADE\n+5581990001003,Caruaru');

    expect(await attributesOf('+5581990001001')).toEqual({ Cidade: 'Olinda' });
    expect(await attributesOf('+5581990001002')).toEqual({ Cidade: 'Natal' });
    expect(await attributesOf('+5581990001003')).toEqual({ Cidade: 'Caruaru' });
    const keys = (await call('GET', '/v1/contacts/attributes')).body.items;
    expect(keys.filter((k: { key: string }) => k.key.toLowerCase() === 'cidade')).toEqual([{ key: 'Cidade', contacts: 3 }]);
    const exported = await fetch(`${p.app.url}/v1/contacts/export`, { headers: { authorization: `Bearer ${p.token}` } });
    expect((await exported.text()).split('\r\n')[0]!.replace(/^\uFEFF/, '')).toBe('phone,name,tags,Cidade,opted_out,created_at');
  });

  it('when the API adds or edits with another case, then the workspace\'s spelling takes the value; an old second spelling on the contact goes', async () => {
    const added = await call('POST', '/v1/contacts', { phone: '+5581990001004', attributes: { cidade: 'Paulista', Plano: 'ouro' } });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body.attributes).toEqual({ Cidade: 'Paulista', Plano: 'ouro' });

    // A contact from before names were one whatever their case holds both spellings.
    await db.query(`UPDATE contacts SET attributes = '{"cidade": "velha", "Cidade": "Paulista", "PLANO": "prata"}' WHERE id = $1`, [added.body.id]);
    const edited = await call('PATCH', `/v1/contacts/${added.body.id}`, { attributes: { CIDADE: 'Igarassu', plano: null } });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.attributes).toEqual({ Cidade: 'Igarassu' });
    expect(await attributesOf('+5581990001004')).toEqual({ Cidade: 'Igarassu' });
    // The drawer, the name retyped in lower case: the old key removed, the new one set. The value stays.
    const retyped = await call('PATCH', `/v1/contacts/${added.body.id}`, { attributes: { cidade: 'Igarassu', Cidade: null } });
    expect(retyped.body.attributes).toEqual({ Cidade: 'Igarassu' });
  });

  it('when a flow\'s Actions step sets "cidade", then it fills "Cidade"', async () => {
    await p.publish(flow(
      [
        keywordTrigger('mudei'),
        node('act', 'actions', { actions: [{ kind: 'set_attribute', tags: [], name: 'cidade', value: 'Jaboatão' }] }),
        node('say', 'message', { text: 'Anotado!' }),
      ],
      [edge('start', 'next', 'act'), edge('act', 'next', 'say')],
    ), 'Mudança');
    await p.wa.inbound({ waId: '5581990001001', name: 'Ana' }, textMessage('mudei'));
    await eventually(async () => (await attributesOf('+5581990001001'))?.Cidade === 'Jaboatão');
    expect(await attributesOf('+5581990001001')).toEqual({ Cidade: 'Jaboatão' });
  });

  it('when another workspace writes "CIDADE", then it keeps its own spelling, and this workspace\'s stays', async () => {
    const other = await otherWorkspace(p, 'Loja Outra', '106540352243299');
    const added = await call('POST', '/v1/contacts', { phone: '+5581990001001', attributes: { CIDADE: 'Natal' } }, other.token);
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body.attributes).toEqual({ CIDADE: 'Natal' });
    const again = await call('POST', '/v1/contacts', { phone: '+5581990001002', attributes: { cidade: 'Mossoró' } }, other.token);
    expect(again.body.attributes).toEqual({ CIDADE: 'Mossoró' });
    expect((await call('POST', '/v1/contacts', { phone: '+5581990001005', attributes: { cidade: 'Goiana' } })).body.attributes).toEqual({ Cidade: 'Goiana' });
  });

  it('when a workspace held two spellings before the upgrade, then the one more contacts hold is kept and contacts with only the other are re-spelled', async () => {
    const other = await otherWorkspace(p, 'Loja Antiga', '106540352243298');
    const ids: string[] = [];
    for (const [i, attrs] of [{ bairro: 'Boa Vista' }, { bairro: 'Derby' }, { Bairro: 'Graças' }, { Bairro: 'Espinheiro', bairro: 'Aflitos' }].entries()) {
      const res = await call('POST', '/v1/contacts', { phone: `+558199000200${i}` }, other.token);
      ids.push(res.body.id);
      await db.query('UPDATE contacts SET attributes = $2 WHERE id = $1', [res.body.id, JSON.stringify(attrs)]);
    }
    const knex = knexFactory({ client: 'pg', connection: p.app.config.DATABASE_URL, pool: { min: 0, max: 1 } });
    try {
      await attributeNames.down(knex);
      await attributeNames.up(knex);
    } finally {
      await knex.destroy();
    }
    const held = await db.query('SELECT id, attributes FROM contacts WHERE id = ANY($1)', [ids]);
    expect(ids.map((id) => held.rows.find((r) => r.id === id)!.attributes)).toEqual([
      { bairro: 'Boa Vista' }, { bairro: 'Derby' }, { bairro: 'Graças' }, { Bairro: 'Espinheiro', bairro: 'Aflitos' },
    ]);
    // This workspace's own spelling survived the upgrade too, and a later write takes the kept one.
    expect((await call('POST', '/v1/contacts', { phone: '+5581990002009', attributes: { BAIRRO: 'Torre' } }, other.token)).body.attributes).toEqual({ bairro: 'Torre' });
    expect((await call('POST', '/v1/contacts', { phone: '+5581990002009', attributes: { CIDADE: 'Olinda' } })).body.attributes).toEqual({ Cidade: 'Olinda' });
  });
});
