import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { edge, flow, keywordTrigger, node } from '../../test/flow-docs';
import { api, signupWorkspace } from '../../test/harness';
import { addMember } from '../../test/agents';
import { textMessage } from '../../test/fakes/whatsapp-payloads';
import { eventually, sentTexts, startPipeline, type Pipeline } from '../../test/pipeline';

let p: Pipeline;
// No server-wide default provider: only the workspace's own settings can make ai_reply work.
// The fake provider listens on the loopback, which a workspace may reach only when allow-listed.
beforeAll(async () => {
  p = await startPipeline({ LLM_BASE_URL: '', LLM_API_KEY: '', OUTBOUND_ALLOW_HOSTS: '127.0.0.1' });
  await p.publish(
    flow(
      [keywordTrigger('ia'), node('ai', 'ai_reply', { systemPrompt: 'Loja X', timeoutSeconds: 5 }), node('more', 'wait', { mode: 'reply' }), node('sorry', 'message', { text: 'sem IA' })],
      [edge('start', 'next', 'ai'), edge('ai', 'ok', 'more'), edge('more', 'next', 'ai'), edge('ai', 'error', 'sorry'), edge('ai', 'handoff', 'sorry')],
    ),
    'IA',
  );
});
afterAll(() => p?.close());

describe('workspace AI provider', () => {
  it('when none is configured, then ai_reply takes its error output', async () => {
    expect((await api(p.app, 'GET', '/v1/settings/ai', undefined, p.token)).body).toMatchObject({ source: 'none', hasApiKey: false });
    await p.wa.inbound({ waId: '5511200000001' }, textMessage('ia'));
    await eventually(() => sentTexts(p.wa, '5511200000001').length === 1);
    expect(sentTexts(p.wa, '5511200000001')).toEqual(['sem IA']);
  });

  it('when a workspace sets its own provider, then replies use it and the key is sealed and never shown', async () => {
    const saved = await api(p.app, 'PUT', '/v1/settings/ai', { baseUrl: p.llm.baseUrl, model: 'llama3.1', apiKey: 'sk-tenant-secret-123' }, p.token);
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ source: 'workspace', baseUrl: p.llm.baseUrl, model: 'llama3.1', hasApiKey: true });
    p.llm.behave({ kind: 'reply', reply: 'Oi! Posso ajudar.' });
    await p.wa.inbound({ waId: '5511200000002' }, textMessage('ia'));
    await eventually(() => sentTexts(p.wa, '5511200000002').length === 1);
    expect(sentTexts(p.wa, '5511200000002')).toEqual(['Oi! Posso ajudar.']);
    expect(p.llm.requests.at(-1)).toMatchObject({ authorization: 'Bearer sk-tenant-secret-123', body: { model: 'llama3.1' } });
    // Saving again without apiKey keeps the stored key.
    expect((await api(p.app, 'PUT', '/v1/settings/ai', { baseUrl: p.llm.baseUrl, model: 'llama3.1' }, p.token)).body.hasApiKey).toBe(true);
    const db = new pg.Client({ connectionString: p.app.config.DATABASE_URL });
    await db.connect();
    const row = await db.query('SELECT settings::text AS s FROM tenants WHERE id = $1', [p.tenantId]);
    await db.end();
    expect(row.rows[0].s).not.toContain('sk-tenant-secret-123');
    expect(JSON.stringify(saved.body)).not.toContain('sk-tenant');
  });

  it('when the body is invalid, then 400', async () => {
    expect((await api(p.app, 'PUT', '/v1/settings/ai', { baseUrl: 'not a url' }, p.token)).status).toBe(400);
  });

  it('when the address is not an http or https URL, or carries a password, then 400 and nothing is stored', async () => {
    for (const baseUrl of ['ftp://llm.example.com/v1', 'javascript:alert(1)', 'file:///etc/passwd', 'https://user:pass@llm.example.com/v1']) {
      const res = await api(p.app, 'PUT', '/v1/settings/ai', { baseUrl, model: 'm' }, p.token);
      expect(res.status, baseUrl).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    expect((await api(p.app, 'GET', '/v1/settings/ai', undefined, p.token)).body.baseUrl).not.toMatch(/^(ftp|javascript|file):|user:pass/);
    // A self-hosted model on the same machine is a normal address once OUTBOUND_ALLOW_HOSTS allows it.
    expect((await api(p.app, 'PUT', '/v1/settings/ai', { baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.1' }, p.token)).status).toBe(200);
  });

  it('when the address is on a private network OUTBOUND_ALLOW_HOSTS does not open, then saving it is refused at the field and nothing is stored', async () => {
    const before = (await api(p.app, 'GET', '/v1/settings/ai', undefined, p.token)).body;
    for (const baseUrl of ['http://10.0.0.5/v1', 'http://192.168.0.20:11434/v1', 'http://[::1]:11434/v1', 'http://172.16.0.9/v1', 'http://169.254.169.254/v1']) {
      const res = await api(p.app, 'PUT', '/v1/settings/ai', { baseUrl, model: 'llama3.1' }, p.token);
      expect(res.status, baseUrl).toBe(400);
      expect(res.body.error, baseUrl).toMatchObject({ code: 'validation_failed', field: 'baseUrl', reason: 'blocked_address', message: expect.stringMatching(/not allowed/) });
      // The operator can open a private network, never the cloud metadata addresses.
      if (baseUrl.includes('169.254')) expect(res.body.error).toMatchObject({ range: 'metadata', message: expect.not.stringContaining('OUTBOUND_ALLOW_HOSTS') });
      else expect(res.body.error.message, baseUrl).toContain('OUTBOUND_ALLOW_HOSTS');
    }
    expect((await api(p.app, 'GET', '/v1/settings/ai', undefined, p.token)).body).toEqual(before);
  });

  it('when the host cannot be resolved now, then it is saved: only an address known to be private is refused', async () => {
    const res = await api(p.app, 'PUT', '/v1/settings/ai', { baseUrl: 'https://ia.floricultura.invalid/v1', model: 'llama3.1' }, p.token);
    expect(res.status).toBe(200);
    expect(res.body.baseUrl).toBe('https://ia.floricultura.invalid/v1');
  });

  it('when the provider is set, its key removed, and then it is removed, then the owner audit log says who and what, never the key, and only in its workspace', async () => {
    const changes = async () => (await api(p.app, 'GET', '/v1/audit-log?limit=200', undefined, p.token)).body.items
      .filter((i: { action: string }) => i.action === 'ai_settings.changed');
    const before = (await changes()).length;
    const put = async (body: unknown) => expect((await api(p.app, 'PUT', '/v1/settings/ai', body, p.token)).status).toBe(200);
    await put({ baseUrl: p.llm.baseUrl, model: 'gpt-4o-mini', apiKey: 'sk-audit-secret-456' });
    await put({ baseUrl: p.llm.baseUrl, model: 'gpt-4o-mini' }); // unchanged: the key is kept, no entry
    await put({ baseUrl: p.llm.baseUrl, model: 'gpt-4o-mini', apiKey: '' });
    await put({ baseUrl: null });

    const me = (await api(p.app, 'GET', '/v1/me', undefined, p.token)).body;
    const entries = (await changes()).slice(0, (await changes()).length - before);
    expect(entries).toHaveLength(3);
    const [removed, keyRemoved, set] = entries;
    for (const e of entries) expect(e).toMatchObject({ targetType: 'ai_settings', targetId: p.tenantId, actor: { id: me.user.id } });
    expect(set).toMatchObject({ targetName: p.llm.baseUrl, data: { baseUrl: p.llm.baseUrl, model: 'gpt-4o-mini', apiKey: 'set' } });
    expect(keyRemoved).toMatchObject({ data: { baseUrl: p.llm.baseUrl, model: 'gpt-4o-mini', apiKey: 'removed' } });
    expect(removed).toMatchObject({ targetName: null, data: { baseUrl: null, model: null, apiKey: 'none', previousBaseUrl: p.llm.baseUrl } });
    expect(JSON.stringify(entries)).not.toContain('sk-audit');

    const other = await signupWorkspace(p.app);
    const theirs = (await api(p.app, 'GET', '/v1/audit-log?limit=200', undefined, other.token)).body.items;
    expect(theirs.filter((i: { action: string }) => i.action === 'ai_settings.changed')).toEqual([]);
  });

  it('when the flow editor reads a flow, then it learns whether AI reply steps have a provider to ask: none, the workspace\'s own, none again', async () => {
    const created = await api(p.app, 'POST', '/v1/flows', { name: 'Com IA?' }, p.token);
    const read = async () => (await api(p.app, 'GET', `/v1/flows/${created.body.id}`, undefined, p.token)).body.hasAiProvider;
    expect(await read()).toBe(false);
    expect((await api(p.app, 'PUT', '/v1/settings/ai', { baseUrl: p.llm.baseUrl }, p.token)).status).toBe(200);
    expect(await read()).toBe(true);
    expect((await api(p.app, 'PUT', '/v1/settings/ai', { baseUrl: null }, p.token)).status).toBe(200);
    expect(await read()).toBe(false);
  });

  it('when a marketer\'s open builder asks again, then the answer follows a provider an admin sets up meanwhile, with no flow read', async () => {
    const marketer = (await addMember(p.app, p.tenantId, 'Marina', 'marketer')).token;
    const status = async () => (await api(p.app, 'GET', '/v1/settings/ai/status', undefined, marketer)).body;
    expect(await status()).toEqual({ hasAiProvider: false });
    expect((await api(p.app, 'GET', '/v1/settings/ai', undefined, marketer)).status).toBe(403);
    expect((await api(p.app, 'PUT', '/v1/settings/ai', { baseUrl: p.llm.baseUrl }, p.token)).status).toBe(200);
    expect(await status()).toEqual({ hasAiProvider: true });
    expect((await api(p.app, 'PUT', '/v1/settings/ai', { baseUrl: null }, p.token)).status).toBe(200);
    expect(await status()).toEqual({ hasAiProvider: false });
  });
});
