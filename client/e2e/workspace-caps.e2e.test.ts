// A workspace at a cap is told so in its language, naming the kind and the number, where it tried
// to add one more: Settings → Webhooks in pt-BR (inline), Settings → Teams in English (a notice).
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { api, type TestApp } from '../../server/test/harness';
import { screenshotPath } from './browser';
import { signedInPage } from './builder-page';
import { startSignedUpSuite } from './suites';

let app: TestApp;
let browser: Browser;
let token: string;

startSignedUpSuite('Açaí da Praia', (s) => ({ app, browser, token } = s));

async function createMany(count: number, path: string, body: (n: number) => unknown) {
  for (let n = 0; n < count; n++) expect((await api(app, 'POST', path, body(n), token)).status).toBe(201);
}

describe('workspace caps on screen', () => {
  it('when the workspace has 20 webhook endpoints, then adding one more says so in pt-BR and adds nothing', async () => {
    await createMany(20, '/v1/webhook-endpoints', (n) => ({ url: `https://erp.example.com/hook/${n}`, events: ['message.received'] }));
    const page = await signedInPage(browser, app, token, 'pt-BR');
    await page.goto(`${app.url}/settings?tab=webhooks`);
    await page.fill('[data-testid=webhook-url]', 'https://erp.example.com/hook/novo');
    await page.click('[data-testid="webhook-event-message.received"]');
    await page.click('[data-testid=webhook-create]');
    await page.getByText('Este espaço de trabalho já tem 20 endpoints de webhook, o máximo permitido. Exclua o que não usa mais e tente de novo.').waitFor();
    await page.screenshot({ path: screenshotPath('workspace-caps-webhooks-pt-BR') });
    expect((await api(app, 'GET', '/v1/webhook-endpoints', undefined, token)).body.items).toHaveLength(20);
    await page.close();
  });

  it('when the workspace has 100 teams, then creating one more says so in English', async () => {
    await createMany(100, '/v1/teams', (n) => ({ name: `Team ${n}` }));
    const page = await signedInPage(browser, app, token, 'en');
    await page.goto(`${app.url}/settings?tab=teams`);
    await page.fill('[data-testid=new-team-name]', 'Night shift');
    await page.click('[data-testid=create-team]');
    await page.getByText('This workspace already has 100 teams, the most it can keep. Delete one it no longer uses, then try again.').waitFor();
    await page.screenshot({ path: screenshotPath('workspace-caps-teams-en') });
    expect((await api(app, 'GET', '/v1/teams', undefined, token)).body.items).toHaveLength(100);
    await page.close();
  });
});
