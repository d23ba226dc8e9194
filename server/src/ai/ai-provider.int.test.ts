// One answer to "which AI provider does this workspace use", read from a real workspace row: the
// worker, the settings page and the builder's warning all ask this.
import knexFactory, { type Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signupWorkspace, workspaceForFile, type TestApp } from '../../test/harness';
import { hasAiProvider, resolveAiProvider } from './ai-provider';
import { writeLlmSettings } from './ai-settings.queries';

let app: TestApp;
let tenantId: string;
let db: Knex;
workspaceForFile((started) => {
  app = started.app;
  tenantId = started.owner.workspace.id;
});
beforeAll(() => void (db = knexFactory({ client: 'pg', connection: app.config.DATABASE_URL, pool: { min: 0, max: 1 } })));
afterAll(() => db?.destroy());

const server = { baseUrl: 'http://llm.internal:11434/v1', model: 'llama3.1', apiKey: 'sk-operator' };
const noServer = { baseUrl: null, model: 'gpt-4o-mini' };

describe('resolveAiProvider', () => {
  it('when neither the workspace nor the server has one, then none, and the builder is told so', async () => {
    expect(await resolveAiProvider(db, tenantId, noServer)).toEqual({ source: 'none', model: 'gpt-4o-mini' });
    expect(await hasAiProvider(db, tenantId, noServer)).toBe(false);
  });

  it("when only the server has one, then the server's, with its key", async () => {
    expect(await resolveAiProvider(db, tenantId, server)).toEqual({ source: 'server', baseUrl: server.baseUrl, model: 'llama3.1', apiKey: 'sk-operator' });
    expect(await resolveAiProvider(db, tenantId, { baseUrl: server.baseUrl, model: 'm' })).toMatchObject({ source: 'server', apiKey: null });
    expect(await hasAiProvider(db, tenantId, server)).toBe(true);
  });

  it("when the workspace has its own, then its own wins over the server's, its key still sealed, the server's model when it names none", async () => {
    const other = (await signupWorkspace(app, 'Outra')).workspace.id;
    await writeLlmSettings(db, other, { baseUrl: 'https://api.example.com/v1', model: null, apiKeyEnc: 'sealed-key' });
    expect(await resolveAiProvider(db, other, server)).toEqual({ source: 'workspace', baseUrl: 'https://api.example.com/v1', model: 'llama3.1', apiKeyEnc: 'sealed-key' });
    expect(await hasAiProvider(db, other, noServer)).toBe(true);
    // Another workspace's settings are not this one's.
    expect((await resolveAiProvider(db, tenantId, noServer)).source).toBe('none');
  });
});
