// CSV imports take turns: a job applies batches for a slice of time, then goes back to the queue
// behind the imports waiting there. The slice is shortened here to one batch, so the test does not
// need a file that takes seconds to apply.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestApp } from '../../test/harness';
import { eventually, otherWorkspace, startPipeline, type Pipeline } from '../../test/pipeline';

let p: Pipeline;
let db: pg.Client;

beforeAll(async () => {
  p = await startPipeline({}, { appStarter: (env) => startTestApp(env, { importSliceMs: 1 }) });
  db = new pg.Client({ connectionString: p.app.config.DATABASE_URL });
  await db.connect();
});
afterAll(async () => {
  await db?.end();
  await p?.close();
});

async function postCsv(csv: string, token: string): Promise<string> {
  const res = await fetch(`${p.app.url}/v1/contacts/import`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, body: csv });
  expect(res.status).toBe(202);
  return ((await res.json()) as { id: string }).id;
}

const report = async (id: string, token: string) => (await api(p.app, 'GET', `/v1/contacts/imports/${id}`, undefined, token)).body;
const completed = (id: string, token: string, timeoutMs?: number) =>
  eventually(async () => {
    const r = await report(id, token);
    return r.status === 'completed' ? r : null;
  }, timeoutMs);

describe('imports of several workspaces', () => {
  it("when one workspace imports a large file, then another workspace's small import finishes first, and the large one loses and doubles nothing", async () => {
    const a = await otherWorkspace(p, 'Atacado Grande', '106540352243201');
    const lines = 3000;
    const big = ['phone,name', ...Array.from({ length: lines }, (_, i) => `+5511960${String(i).padStart(6, '0')},Cliente ${i}`)].join('\n');
    const bigId = await postCsv(big, a.token);
    await eventually(async () => (await report(bigId, a.token)).processed > 0);

    const smallId = await postCsv('phone,name\n+5511969999999,Loja Vizinha', p.token);
    expect(await completed(smallId, p.token)).toMatchObject({ total: 1, created: 1 });
    const meanwhile = await report(bigId, a.token);
    expect(meanwhile.status).toBe('running');
    expect(meanwhile.processed).toBeLessThan(lines);

    expect(await completed(bigId, a.token, 60_000)).toMatchObject({ total: lines, processed: lines, created: lines, updated: 0, rejected: 0 });
    // Each line became one contact of A's, and none of them is B's.
    const { rows } = await db.query('SELECT count(*)::int AS n, count(DISTINCT phone_e164)::int AS phones FROM contacts WHERE tenant_id = $1', [a.tenantId]);
    expect(rows[0]).toEqual({ n: lines, phones: lines });
    expect((await api(p.app, 'GET', '/v1/contacts?q=Cliente', undefined, p.token)).body.items).toEqual([]);
  });
});
