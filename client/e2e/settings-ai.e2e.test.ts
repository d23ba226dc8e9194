// The AI provider tab: an owner points "AI reply" steps at their own OpenAI-compatible server;
// the key is accepted, stored sealed, and never shown again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { api, type TestApp } from '../../server/test/harness';
import { screenshotPath } from './browser';
import { closeBuilderSuite, openBuilderSuite, signedInPage } from './builder-page';

let app: TestApp;
let browser: Browser;
let token: string;

beforeAll(async () => {
  ({ app, browser, token } = await openBuilderSuite('Floricultura'));
});
afterAll(() => closeBuilderSuite({ app, browser }));

describe('settings: AI provider', () => {
  it('when an owner saves a provider with a key, then replies will use it and the key never comes back', async () => {
    const page = await signedInPage(browser, app, token, 'pt-BR');
    await page.goto(`${app.url}/settings?tab=ai`);
    await expect.poll(() => page.textContent('[data-testid=ai-source]')).toBe('Não configurado');
    // Nothing set is said in grey, not in the green of a working provider.
    const sourceColor = () => page.locator('[data-testid=ai-source]').evaluate((el) => getComputedStyle(el).color);
    const grey = await sourceColor();
    // An address without its scheme is named at the field, and nothing is saved.
    await page.fill('[data-testid=ai-base-url]', 'api.openai.com/v1');
    await page.click('[data-testid=ai-save]');
    await expect.poll(() => page.locator('[data-testid=ai-base-url]').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('Escreva o endereço completo, começando com https:// (por exemplo, https://api.openai.com/v1).').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('settings-ai-bad-url-pt-BR') });
    expect((await api(app, 'GET', '/v1/settings/ai', undefined, token)).body.source).toBe('none');
    await page.fill('[data-testid=ai-base-url]', 'http://127.0.0.1:11434/v1');
    expect(await page.locator('[data-testid=ai-base-url]').getAttribute('aria-invalid')).not.toBe('true');
    await page.fill('[data-testid=ai-model]', 'llama3.1');
    await page.fill('[data-testid=ai-api-key]', 'sk-floricultura-secret');
    await page.click('[data-testid=ai-save]');
    await expect.poll(() => page.textContent('[data-testid=ai-source]')).toBe('Seu provedor');
    expect(await sourceColor()).not.toBe(grey);
    await page.screenshot({ path: screenshotPath('settings-ai-pt-BR') });
    await page.reload();
    await expect.poll(() => page.inputValue('[data-testid=ai-base-url]')).toBe('http://127.0.0.1:11434/v1');
    expect(await page.inputValue('[data-testid=ai-api-key]')).toBe('');
    expect(await page.content()).not.toContain('sk-floricultura-secret');
    const stored = await api(app, 'GET', '/v1/settings/ai', undefined, token);
    expect(stored.body).toEqual({ source: 'workspace', baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.1', hasApiKey: true });
  });
});
