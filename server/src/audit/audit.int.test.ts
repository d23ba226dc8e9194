// The audit log pages newest first; the last page says so (nextCursor null) even when it is full,
// so a client does not ask for an empty page after it.
import { describe, expect, it } from 'vitest';
import { api, workspaceForFile, type TestApp, type WorkspaceOwner } from '../../test/harness';
import { addAgent } from '../../test/agents';

let app: TestApp;
let owner: WorkspaceOwner;
workspaceForFile((started) => ({ app, owner } = started));

const page = (query: string) => api(app, 'GET', `/v1/audit-log${query}`, undefined, owner.token);

describe('audit log pages', () => {
  it('when the entries fill the last page exactly, then it has no next cursor; a shorter page leads to the rest', async () => {
    for (const name of ['ERP', 'CRM', 'BI']) expect((await api(app, 'POST', '/v1/api-keys', { name, role: 'agent' }, owner.token)).status).toBe(201);
    const all = (await page('?limit=200')).body;
    const total = all.items.length;
    expect(total).toBeGreaterThanOrEqual(3);
    expect(all.nextCursor).toBeNull();
    expect((await page(`?limit=${total}`)).body).toMatchObject({ nextCursor: null });

    const first = (await page(`?limit=${total - 1}`)).body;
    expect(first.items).toHaveLength(total - 1);
    expect(first.nextCursor).toBe(first.items.at(-1).id);
    const rest = (await page(`?limit=${total - 1}&cursor=${first.nextCursor}`)).body;
    expect(rest).toMatchObject({ nextCursor: null });
    expect([...first.items, ...rest.items].map((i: { id: string }) => i.id)).toEqual(all.items.map((i: { id: string }) => i.id));
  });

  it("when a member's role is changed and they are removed, then each entry names them, as the workspace's own entries name it", async () => {
    const joao = await addAgent(app, owner.workspace.id, 'João Pereira');
    expect((await api(app, 'PATCH', `/v1/members/${joao.id}`, { role: 'admin' }, owner.token)).status).toBe(200);
    expect((await api(app, 'DELETE', `/v1/members/${joao.id}`, undefined, owner.token)).status).toBe(204);
    expect((await api(app, 'PATCH', '/v1/settings/workspace', { name: 'Doces da Márcia' }, owner.token)).status).toBe(200);
    const items = (await page('?limit=10')).body.items as Array<{ action: string; targetName: string | null; data: Record<string, unknown> }>;
    const of = (action: string) => items.find((i) => i.action === action);
    expect(of('member.role_changed')).toMatchObject({ targetName: 'João Pereira', data: { from: 'agent', to: 'admin' } });
    expect(of('member.removed')).toMatchObject({ targetName: 'João Pereira', data: { role: 'admin' } });
    expect(of('workspace.renamed')?.targetName).toBe('Doces da Márcia');
    expect(of('api_key.created')?.targetName).toBeNull(); // a key is named in its data
  });
});
