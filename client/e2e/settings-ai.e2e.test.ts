// The AI provider tab: an owner points "AI reply" steps at their own OpenAI-compatible server;
// the key is accepted, stored sealed, and never shown again.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { api, type TestApp } from '../../server/test/harness';
import { screenshotPath } from './browser';
import { signedInPage } from './builder-page';
import { startSignedUpSuite } from './suites';

let app: TestApp;
let browser: Browser;
let token: string;

startSignedUpSuite('Floricultura', (s) => ({ app, browser, token } = s));

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
    // An address on the server's own network is refused when saved (this server allows none), at the
    // field and saying who can open it, not later when a customer waits for a reply.
    await page.fill('[data-testid=ai-base-url]', 'http://127.0.0.1:9/v1');
    expect(await page.locator('[data-testid=ai-base-url]').getAttribute('aria-invalid')).not.toBe('true');
    await page.click('[data-testid=ai-save]');
    await expect.poll(() => page.locator('[data-testid=ai-base-url]').getAttribute('aria-invalid')).toBe('true');
    const privateWords = 'Este endereço é de uma rede privada ou local, que este servidor não deixa os espaços de trabalho acessarem. Quem administra o servidor pode liberar o host em OUTBOUND_ALLOW_HOSTS (por exemplo, para um Ollama ao lado do servidor).';
    expect(await page.getByText(privateWords).count()).toBe(1);
    await page.screenshot({ path: screenshotPath('settings-ai-private-url-pt-BR') });
    expect((await api(app, 'GET', '/v1/settings/ai', undefined, token)).body.source).toBe('none');
    // A host that cannot be looked up right now is saved: only an address known to be private is refused.
    await page.fill('[data-testid=ai-base-url]', 'https://ia.floricultura.example/v1');
    expect(await page.locator('[data-testid=ai-base-url]').getAttribute('aria-invalid')).not.toBe('true');
    await page.fill('[data-testid=ai-model]', 'llama3.1');
    await page.fill('[data-testid=ai-api-key]', 'sk-floricultura-secret');
    await page.click('[data-testid=ai-save]');
    await expect.poll(() => page.textContent('[data-testid=ai-source]')).toBe('Seu provedor');
    expect(await sourceColor()).not.toBe(grey);
    await page.screenshot({ path: screenshotPath('settings-ai-pt-BR') });
    await page.reload();
    await expect.poll(() => page.inputValue('[data-testid=ai-base-url]')).toBe('https://ia.floricultura.example/v1');
    expect(await page.inputValue('[data-testid=ai-api-key]')).toBe('');
    expect(await page.content()).not.toContain('sk-floricultura-secret');
    const stored = await api(app, 'GET', '/v1/settings/ai', undefined, token);
    expect(stored.body).toEqual({ source: 'workspace', baseUrl: 'https://ia.floricultura.example/v1', model: 'llama3.1', hasApiKey: true });
  });

  it('when an owner using English saves an address on a private network, then the field says the operator can allow it', async () => {
    const page = await signedInPage(browser, app, token, 'en');
    await page.goto(`${app.url}/settings?tab=ai`);
    await expect.poll(() => page.textContent('[data-testid=ai-source]')).toBe('Your provider');
    await page.fill('[data-testid=ai-base-url]', 'http://10.0.0.5/v1');
    await page.click('[data-testid=ai-save]');
    await page.getByText('Its operator can allow the host with OUTBOUND_ALLOW_HOSTS', { exact: false }).waitFor();
    expect(await page.locator('[data-testid=ai-base-url]').getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: screenshotPath('settings-ai-private-url-en') });
    expect((await api(app, 'GET', '/v1/settings/ai', undefined, token)).body.baseUrl).toBe('https://ia.floricultura.example/v1');
  });
});
