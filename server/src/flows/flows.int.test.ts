import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import knex from 'knex';
import { emptyFlow, nodeRegistry, validateFlow, type FlowDocument } from '@zyntra/flows-schema';
import { api, signupWorkspace, startTestApp, type TestApp } from '../../test/harness';

let app: TestApp;
let owner: Awaited<ReturnType<typeof signupWorkspace>>;
beforeAll(async () => {
  app = await startTestApp();
  owner = await signupWorkspace(app, 'Padaria');
});
afterAll(() => app?.close());

/** trigger (keyword "oi") → message "Olá!"; valid, with one warning (the message's next is open). */
function validFlow(text = 'Olá!'): FlowDocument {
  const doc = emptyFlow();
  doc.nodes = [
    { id: 'trigger', type: 'trigger', position: { x: 0, y: 0 }, config: { ...nodeRegistry.trigger.defaults(), keywords: [{ match: 'exact', value: 'oi' }] } },
    { id: 'hello', type: 'message', position: { x: 240, y: 0 }, config: { ...nodeRegistry.message.defaults(), text } },
  ];
  doc.edges = [{ id: 'e1', source: 'trigger', sourceHandle: 'next', target: 'hello' }];
  return doc;
}

/** Errors on three nodes: a trigger that never fires, an empty message, an untitled, unconnected button. */
function brokenFlow(): FlowDocument {
  const doc = emptyFlow();
  doc.nodes.push(
    { id: 'empty', type: 'message', position: { x: 240, y: 0 }, config: nodeRegistry.message.defaults() },
    { id: 'menu', type: 'message', position: { x: 480, y: 0 }, config: { ...nodeRegistry.message.defaults(), text: 'Escolha', buttons: [{ id: 'a', title: '' }] } },
  );
  doc.edges.push({ id: 'e1', source: 'trigger', sourceHandle: 'next', target: 'empty' });
  return doc;
}

const create = (name: string, document?: unknown, token = owner.token) => api(app, 'POST', '/v1/flows', { name, document }, token);

describe('flows', () => {
  it('when a flow is created without a document, then it is an empty draft and shows in the list and by id', async () => {
    const created = await create('Boas-vindas');
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Boas-vindas', status: 'draft', revision: 1, publishedVersion: null, document: emptyFlow() });
    expect(created.body.problems.map((p: any) => p.code)).toContain('trigger_without_condition');
    const got = await api(app, 'GET', `/v1/flows/${created.body.id}`, undefined, owner.token);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ id: created.body.id, document: emptyFlow(), revision: 1 });
    await create('Promo', validFlow());
    const list = await api(app, 'GET', '/v1/flows', undefined, owner.token);
    expect(list.body.items[0]).toMatchObject({ name: 'Promo', status: 'draft', triggerKeywords: ['oi'], publishedVersion: null });
    expect(list.body.items.map((f: any) => f.id)).toContain(created.body.id);
  });

  it('when the body is not an object or the name is missing, then 400', async () => {
    expect((await api(app, 'POST', '/v1/flows', 'just a string', owner.token)).status).toBe(400);
    expect((await api(app, 'POST', '/v1/flows', { document: emptyFlow() }, owner.token)).status).toBe(400);
    expect((await api(app, 'GET', '/v1/flows/not-a-uuid', undefined, owner.token)).status).toBe(404);
  });

  it('when a draft is saved with the current baseRevision, then it is stored; with a stale one, then 409 keeps it', async () => {
    const { body: flow } = await create('Save', validFlow());
    const saved = await api(app, 'PUT', `/v1/flows/${flow.id}`, { document: validFlow('v2'), baseRevision: 1 }, owner.token);
    expect(saved.status).toBe(200);
    expect(saved.body.revision).toBe(2);
    expect(saved.body.document).toEqual(validFlow('v2'));
    const stale = await api(app, 'PUT', `/v1/flows/${flow.id}`, { document: validFlow('lost'), baseRevision: 1 }, owner.token);
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'stale_revision', currentRevision: 2 });
    const got = await api(app, 'GET', `/v1/flows/${flow.id}`, undefined, owner.token);
    expect(got.body.document).toEqual(validFlow('v2'));
  });

  it('when baseRevision is beyond any revision a draft can have, then save, publish and restore answer 400 and the draft is kept', async () => {
    const { body: flow } = await create('Huge revision', validFlow());
    const published = await api(app, 'POST', `/v1/flows/${flow.id}/publish`, undefined, owner.token);
    const { body: versions } = await api(app, 'GET', `/v1/flows/${flow.id}/versions`, undefined, owner.token);
    expect(published.status).toBe(201);
    const huge = 2_147_483_648;
    const saved = await api(app, 'PUT', `/v1/flows/${flow.id}`, { document: validFlow('lost'), baseRevision: huge }, owner.token);
    const again = await api(app, 'POST', `/v1/flows/${flow.id}/publish`, { baseRevision: huge }, owner.token);
    const restored = await api(app, 'POST', `/v1/flows/${flow.id}/versions/${versions.items[0].id}/restore`, { baseRevision: huge }, owner.token);
    expect([saved.status, again.status, restored.status]).toEqual([400, 400, 400]);
    expect(saved.body.error.code).toBe('validation_failed');
    expect(saved.body.error.issues[0].path).toBe('baseRevision');
    const got = await api(app, 'GET', `/v1/flows/${flow.id}`, undefined, owner.token);
    expect(got.body).toMatchObject({ revision: 1, document: validFlow() });
  });

  it('when an invalid draft is saved, then it is stored and answered with its problems', async () => {
    const { body: flow } = await create('Broken', validFlow());
    const saved = await api(app, 'PUT', `/v1/flows/${flow.id}`, { document: brokenFlow() }, owner.token);
    expect(saved.status).toBe(200);
    expect(saved.body.document).toEqual(brokenFlow());
    expect(saved.body.problems).toEqual(validateFlow(brokenFlow()));
  });

  it('when two saves race from the same baseRevision, then exactly one wins and the other gets 409', async () => {
    const { body: flow } = await create('Race', validFlow());
    const [a, b] = await Promise.all(
      ['A', 'B'].map((text) => api(app, 'PUT', `/v1/flows/${flow.id}`, { document: validFlow(text), baseRevision: 1 }, owner.token)),
    );
    expect([a!.status, b!.status].sort()).toEqual([200, 409]);
    const winner = a!.status === 200 ? a! : b!;
    const got = await api(app, 'GET', `/v1/flows/${flow.id}`, undefined, owner.token);
    expect(got.body).toMatchObject({ revision: 2, document: winner.body.document });
  });

  it('when an invalid flow is published, then 422 lists every problem with its node id', async () => {
    const { body: flow } = await create('Invalid', brokenFlow());
    const res = await api(app, 'POST', `/v1/flows/${flow.id}/publish`, undefined, owner.token);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('flow_invalid');
    expect(res.body.error.problems).toEqual(validateFlow(brokenFlow()));
    expect(res.body.problems).toEqual(res.body.error.problems);
    const errorNodes = new Set(res.body.error.problems.filter((p: any) => p.severity === 'error').map((p: any) => p.nodeId));
    expect(errorNodes).toEqual(new Set(['trigger', 'empty', 'menu']));
    expect(res.body.error.problems[0].message).toEqual({ en: expect.any(String), 'pt-BR': expect.any(String) });
    const versions = await api(app, 'GET', `/v1/flows/${flow.id}/versions`, undefined, owner.token);
    expect(versions.body.items).toEqual([]);
  });

  it('when a valid flow is published twice, then versions 1 and 2 exist, newest first, and one can be restored', async () => {
    const { body: flow } = await create('Publish', validFlow('first'));
    const v1 = await api(app, 'POST', `/v1/flows/${flow.id}/publish`, undefined, owner.token);
    expect(v1.status).toBe(201);
    expect(v1.body.version).toMatchObject({ version: 1, publishedBy: { id: owner.user.id, name: 'Ana' } });
    await api(app, 'PUT', `/v1/flows/${flow.id}`, { document: validFlow('second') }, owner.token);
    const v2 = await api(app, 'POST', `/v1/flows/${flow.id}/publish`, {}, owner.token);
    expect(v2.body.version.version).toBe(2);
    const got = await api(app, 'GET', `/v1/flows/${flow.id}`, undefined, owner.token);
    expect(got.body).toMatchObject({ status: 'published', publishedVersion: 2, revision: 2 });
    const versions = await api(app, 'GET', `/v1/flows/${flow.id}/versions`, undefined, owner.token);
    expect(versions.body.items.map((v: any) => v.version)).toEqual([2, 1]);
    expect(versions.body.items[1]).toMatchObject({ id: v1.body.version.id, publishedBy: { id: owner.user.id, name: 'Ana' } });
    const restored = await api(app, 'POST', `/v1/flows/${flow.id}/versions/${v1.body.version.id}/restore`, undefined, owner.token);
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ revision: 3, document: validFlow('first'), publishedVersion: 2 });
  });

  it('when two publishes of one unchanged draft race, then exactly one version is made, audited and announced', async () => {
    const { body: flow } = await create('Concurrent publish', validFlow());
    const results = await Promise.all([1, 2].map(() => api(app, 'POST', `/v1/flows/${flow.id}/publish`, undefined, owner.token)));
    expect(results.map((r) => r.status)).toEqual([201, 201]);
    expect(results.map((r) => r.body.version.version)).toEqual([1, 1]);
    expect(results.map((r) => r.body.unchanged).sort()).toEqual([false, true]);
    const db = knex({ client: 'pg', connection: app.config.DATABASE_URL });
    try {
      const audits = await db('audit_logs').where({ target_id: flow.id, action: 'flow.published' }).select('actor_user_id', 'tenant_id');
      expect(audits).toEqual([{ actor_user_id: owner.user.id, tenant_id: owner.workspace.id }]);
      const events = await db('domain_events').where({ type: 'flow.published' }).whereRaw("payload->>'flowId' = ?", [flow.id]);
      expect(events.map((e) => e.payload.version)).toEqual([1]);
    } finally {
      await db.destroy();
    }
  });

  it('when the draft is edited after publishing, then it says so, and publishing an unchanged draft makes no new version', async () => {
    const { body: flow } = await create('Honest state', { ...validFlow(), settings: {} });
    const v1 = await api(app, 'POST', `/v1/flows/${flow.id}/publish`, undefined, owner.token);
    expect(v1.status).toBe(201);
    const live = await api(app, 'GET', `/v1/flows/${flow.id}`, undefined, owner.token);
    expect(live.body).toMatchObject({ status: 'published', publishedVersion: 1, publishedVersionId: v1.body.version.id, hasUnpublishedChanges: false });
    // The same draft saved again (the editor sends it with every default filled in) is still live.
    const resaved = await api(app, 'PUT', `/v1/flows/${flow.id}`, { document: validFlow() }, owner.token);
    expect(resaved.body.hasUnpublishedChanges).toBe(false);
    const again = await api(app, 'POST', `/v1/flows/${flow.id}/publish`, {}, owner.token);
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ unchanged: true, version: { id: v1.body.version.id, version: 1 } });

    const edited = await api(app, 'PUT', `/v1/flows/${flow.id}`, { document: validFlow('Olá de novo!') }, owner.token);
    expect(edited.body.hasUnpublishedChanges).toBe(true);
    const listed = (await api(app, 'GET', '/v1/flows', undefined, owner.token)).body.items.find((f: any) => f.id === flow.id);
    expect(listed).toMatchObject({ status: 'published', publishedVersion: 1, hasUnpublishedChanges: true });
    const version = await api(app, 'GET', `/v1/flows/${flow.id}/versions/${v1.body.version.id}`, undefined, owner.token);
    expect(version.status).toBe(200);
    expect(version.body).toMatchObject({ version: 1, document: validFlow() });
    const v2 = await api(app, 'POST', `/v1/flows/${flow.id}/publish`, {}, owner.token);
    expect(v2.status).toBe(201);
    expect(v2.body.version.version).toBe(2);
    expect((await api(app, 'GET', `/v1/flows/${flow.id}`, undefined, owner.token)).body.hasUnpublishedChanges).toBe(false);
    const other = await signupWorkspace(app, 'Bisbilhoteira');
    expect((await api(app, 'GET', `/v1/flows/${flow.id}/versions/${v1.body.version.id}`, undefined, other.token)).status).toBe(404);
  });

  it('when a draft saved with empty settings is exported, imported and exported again, then both files are byte for byte the same', async () => {
    const { body: flow } = await create('Round trip', { ...validFlow(), settings: {} });
    const exportText = async (id: string) => {
      const res = await fetch(`${app.url}/v1/flows/${id}/export`, { headers: { authorization: `Bearer ${owner.token}` } });
      return res.text();
    };
    const first = await exportText(flow.id);
    const imported = await api(app, 'POST', '/v1/flows/import', { name: 'Round trip copy', document: JSON.parse(first) }, owner.token);
    expect(imported.status).toBe(201);
    expect(await exportText(imported.body.id)).toBe(first);
    expect(JSON.parse(first).settings).toEqual(validFlow().settings);
  });

  it('when a flow is exported and imported, then the imported document is identical', async () => {
    const { body: flow } = await create('Promoção de Natal!', validFlow());
    const exported = await api(app, 'GET', `/v1/flows/${flow.id}/export`, undefined, owner.token);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toBe('attachment; filename="promocao-de-natal.zyntra.json"');
    expect(exported.body).toEqual(validFlow());
    const imported = await api(app, 'POST', '/v1/flows/import', { name: 'Cópia', document: exported.body }, owner.token);
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ name: 'Cópia', status: 'draft', revision: 1 });
    expect(imported.body.document).toEqual(exported.body);
  });

  it('when an invalid flow is imported, then 422 lists its problems and nothing is created', async () => {
    const before = (await api(app, 'GET', '/v1/flows', undefined, owner.token)).body.items.length;
    const res = await api(app, 'POST', '/v1/flows/import', { name: 'Bad', document: brokenFlow() }, owner.token);
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'flow_invalid', problems: validateFlow(brokenFlow()) });
    expect((await api(app, 'GET', '/v1/flows', undefined, owner.token)).body.items).toHaveLength(before);
  });

  it('when a flow is renamed, duplicated and deleted, then the list follows', async () => {
    const { body: flow } = await create('Old', validFlow());
    expect((await api(app, 'PATCH', `/v1/flows/${flow.id}`, { name: 'New' }, owner.token)).body.name).toBe('New');
    const copy = await api(app, 'POST', `/v1/flows/${flow.id}/duplicate`, undefined, owner.token);
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({ name: 'New (copy)', status: 'draft', revision: 1, document: validFlow() });
    expect((await api(app, 'DELETE', `/v1/flows/${flow.id}`, undefined, owner.token)).status).toBe(204);
    expect((await api(app, 'GET', `/v1/flows/${flow.id}`, undefined, owner.token)).status).toBe(404);
    const ids = (await api(app, 'GET', '/v1/flows', undefined, owner.token)).body.items.map((f: any) => f.id);
    expect(ids).toContain(copy.body.id);
    expect(ids).not.toContain(flow.id);
  });

  it('when the JSON Schema is requested without a token, then it is served', async () => {
    const res = await api(app, 'GET', '/v1/flows/schema.json');
    expect(res.status).toBe(200);
    expect(res.body.type).toBe('object');
    expect(res.body.properties).toHaveProperty('nodes');
    expect((await api(app, 'GET', '/v1/flows')).status).toBe(401);
  });

  it("when a send_template step's template is missing, not approved or not filled, then publish refuses it with the step's problems until it is", async () => {
    const body = 'Olá {{1}}, seu pedido {{2}} saiu.';
    const components = [{ type: 'BODY', text: body }, { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Rastrear', url: 'https://loja.example/r/{{1}}' }] }];
    const other = await signupWorkspace(app, 'Concorrente');
    const db = knex({ client: 'pg', connection: app.config.DATABASE_URL });
    /** A WhatsApp channel of the workspace holding `pedido_saiu` in pt_BR with this status. */
    const templateOf = async (tenantId: string, status: string) => {
      const [channel] = await db('channels').insert({ tenant_id: tenantId, type: 'whatsapp_cloud', name: 'WhatsApp' }).returning('id');
      await db('whatsapp_templates').insert({ tenant_id: tenantId, channel_id: channel.id, name: 'pedido_saiu', language: 'pt_BR', category: 'UTILITY', status, components: JSON.stringify(components) });
      return channel.id as string;
    };
    try {
      // Another workspace's approved template of that name does not count.
      await templateOf(other.workspace.id, 'APPROVED');
      const doc = validFlow();
      doc.nodes.push({ id: 'tpl', type: 'send_template', position: { x: 480, y: 0 }, config: { ...nodeRegistry.send_template.defaults(), name: 'pedido_saiu', body: ['{{contact.name}}'], text: body } });
      doc.edges.push({ id: 'e2', source: 'hello', sourceHandle: 'next', target: 'tpl' });
      expect(validateFlow(doc).filter((p) => p.severity === 'error')).toEqual([]);
      const { body: flow } = await create('Lembrete', doc);
      const publish = () => api(app, 'POST', `/v1/flows/${flow.id}/publish`, {}, owner.token);
      const codes = (problems: any[]) => problems.filter((p) => p.nodeId === 'tpl' && p.severity === 'error').map((p) => `${p.code}:${p.severity}`);

      const missing = await publish();
      expect(missing.status).toBe(422);
      expect(missing.body.error.code).toBe('flow_invalid');
      expect(codes(missing.body.problems)).toEqual(['template_missing:error']);
      expect(missing.body.problems).toEqual(expect.arrayContaining(validateFlow(doc)));
      expect(missing.body.problems.find((p: any) => p.code === 'template_missing').message['pt-BR']).toContain('“pedido_saiu” em pt_BR');

      const channelId = await templateOf(owner.workspace.id, 'PAUSED');
      expect(codes((await publish()).body.problems)).toEqual(['template_not_approved:error']);
      // The editor asks for the same problems, for the saved draft or the one on screen.
      const asked = await api(app, 'POST', `/v1/flows/${flow.id}/template-problems`, {}, owner.token);
      expect(asked.status).toBe(200);
      expect(asked.body.problems.map((p: any) => p.code)).toEqual(['template_not_approved']);
      expect((await api(app, 'POST', `/v1/flows/${flow.id}/template-problems`, { document: validFlow() }, owner.token)).body.problems).toEqual([]);
      expect((await api(app, 'POST', `/v1/flows/${flow.id}/template-problems`, { document: 'x' }, owner.token)).status).toBe(400);
      expect((await api(app, 'POST', `/v1/flows/${flow.id}/template-problems`, {}, other.token)).status).toBe(404);

      await db('whatsapp_templates').where({ channel_id: channelId }).update({ status: 'APPROVED' });
      const unfitted = await publish();
      expect(codes(unfitted.body.problems)).toEqual(['template_body_count:error', 'template_button_value:error']);
      expect((await api(app, 'GET', `/v1/flows/${flow.id}/versions`, undefined, owner.token)).body.items).toEqual([]);

      const tpl = doc.nodes.find((n) => n.id === 'tpl')!;
      tpl.config = { ...tpl.config, body: ['{{contact.name}}', '#1023'], buttons: [{ index: 0, subType: 'url', value: '1023' }] } as typeof tpl.config;
      expect((await api(app, 'PUT', `/v1/flows/${flow.id}`, { document: doc }, owner.token)).status).toBe(200);
      const published = await publish();
      expect(published.status).toBe(201);
      expect(published.body).toMatchObject({ unchanged: false, version: { version: 1 } });
      // Once live, publishing the same draft again is still `unchanged`.
      expect((await publish()).body).toMatchObject({ unchanged: true, version: { version: 1 } });
    } finally {
      await db.destroy();
    }
  });

  it("when another workspace uses a flow's id, then it gets 404 and never sees it listed", async () => {
    const { body: flow } = await create('Private', validFlow());
    const other = await signupWorkspace(app, 'Concorrente');
    const calls: Array<[string, string, unknown?]> = [
      ['GET', `/v1/flows/${flow.id}`],
      ['PUT', `/v1/flows/${flow.id}`, { document: validFlow('hijack') }],
      ['PATCH', `/v1/flows/${flow.id}`, { name: 'hijack' }],
      ['POST', `/v1/flows/${flow.id}/publish`],
      ['GET', `/v1/flows/${flow.id}/export`],
      ['GET', `/v1/flows/${flow.id}/versions`],
      ['POST', `/v1/flows/${flow.id}/duplicate`],
      ['DELETE', `/v1/flows/${flow.id}`],
    ];
    for (const [method, path, body] of calls) {
      const res = await api(app, method, path, body, other.token);
      expect({ method, path, status: res.status, code: res.body?.error?.code }).toEqual({ method, path, status: 404, code: 'not_found' });
    }
    expect((await api(app, 'GET', '/v1/flows', undefined, other.token)).body.items).toEqual([]);
    const mine = await api(app, 'GET', `/v1/flows/${flow.id}`, undefined, owner.token);
    expect(mine.body).toMatchObject({ name: 'Private', revision: 1, status: 'draft' });
  });
});
