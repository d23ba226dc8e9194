// A reply body is judged as the reply its keys name: a body with a mediaId is a file, and a bad id
// or a caption too long is refused on that field instead of going out as text without the file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { api, signupWorkspace, startTestApp, type TestApp } from '../../test/harness';

let app: TestApp;
let db: pg.Client;
let owner: Awaited<ReturnType<typeof signupWorkspace>>;
let conversationId: string;
let mediaId: string;

beforeAll(async () => {
  app = await startTestApp();
  owner = await signupWorkspace(app);
  db = new pg.Client({ connectionString: app.config.DATABASE_URL });
  await db.connect();
  // Web chat has no 24-hour window: a valid reply is a 201 whenever.
  const channel = await api(app, 'POST', '/v1/channels', { type: 'webchat', name: 'Site', config: {} }, owner.token);
  const contact = await db.query("INSERT INTO contacts (tenant_id, channel_id, external_id) VALUES ($1, $2, 'visitante') RETURNING id", [owner.workspace.id, channel.body.id]);
  const conv = await db.query("INSERT INTO conversations (tenant_id, channel_id, contact_id, status) VALUES ($1, $2, $3, 'human') RETURNING id", [owner.workspace.id, channel.body.id, contact.rows[0].id]);
  conversationId = conv.rows[0].id;
  const upload = await fetch(`${app.url}/v1/media`, {
    method: 'POST', headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'application/pdf', 'x-file-name': 'a.pdf' }, body: Buffer.from('%PDF-1.4\n'),
  });
  mediaId = ((await upload.json()) as { id: string }).id;
});
afterAll(async () => {
  await db?.end();
  await app?.close();
});

const send = (body: unknown) => api(app, 'POST', `/v1/conversations/${conversationId}/messages`, body, owner.token);
const issues = (res: { body: any }) => res.body.error.issues.map((i: any) => i.path);

describe('reply bodies', () => {
  it('when a file comes with a caption over 1024 characters or with a malformed mediaId, then it is a 400 on that field and nothing is sent', async () => {
    const long = await send({ mediaId, text: 'a'.repeat(2000) });
    expect(long.status).toBe(400);
    expect(long.body.error).toMatchObject({ code: 'validation_failed', issues: [{ path: 'text', message: 'A caption holds at most 1024 characters' }] });
    const bad = await send({ mediaId: 'bad-id', text: 'hello' });
    expect(bad.status).toBe(400);
    expect(issues(bad)).toEqual(['mediaId']);
    const thread = await api(app, 'GET', `/v1/conversations/${conversationId}/messages`, undefined, owner.token);
    expect(thread.body.items).toEqual([]);
  });

  it('when a body is empty, has a text that is not a string or an empty template, then the 400 says what is expected', async () => {
    const empty = await send({});
    expect(empty.status).toBe(400);
    expect(empty.body.error.issues).toEqual([{ path: '', code: 'invalid_union', message: 'Send text, a mediaId or a template' }]);
    expect((await send([])).body.error.issues).toEqual([{ path: '', code: 'invalid_union', message: 'Send text, a mediaId or a template' }]);
    const number = await send({ text: 123 });
    expect(number.status).toBe(400);
    expect(issues(number)).toEqual(['text']);
    const template = await send({ template: {} });
    expect(template.status).toBe(400);
    expect(issues(template)).toEqual(expect.arrayContaining(['template.name', 'template.language']));
  });

  it('when a file has a caption within the limit, then it is sent with it', async () => {
    const res = await send({ mediaId, text: 'b'.repeat(1024) });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ type: 'document', text: 'b'.repeat(1024) });
  });
});
