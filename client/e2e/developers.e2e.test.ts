// The API reference at /developers: a signed-in user browses the generated OpenAPI document in
// Scalar, under the app's strict Content-Security-Policy (nothing blocked, no page errors).
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestApp } from '../../server/test/harness';
import { screenshotPath } from './browser';
import { signedInPage } from './builder-page';
import { startSignedUpSuite } from './suites';

let app: TestApp;
let browser: Browser;
let token: string;

startSignedUpSuite('Mercearia', (s) => ({ app, browser, token } = s));

describe('API reference', () => {
  it('when a signed-in user opens /developers, then the reference lists the webhook endpoints and the CSP blocks nothing', async () => {
    const page = await signedInPage(browser, app, token);
    const problems: string[] = [];
    await page.exposeFunction('reportViolation', (text: string) => problems.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { reportViolation(t: string): void }).reportViolation(`${e.violatedDirective} blocked ${e.blockedURI}`);
      });
    });
    page.on('console', (msg) => {
      if (/content security policy|refused to/i.test(msg.text())) problems.push(msg.text());
    });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    const res = await page.goto(`${app.url}/developers`);
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.waitForSelector('[data-testid=api-reference]');
    await expect.poll(() => page.textContent('[data-testid=api-reference]'), { timeout: 20_000 }).toContain('Outbound webhooks');
    expect(await page.textContent('[data-testid=api-reference]')).toContain('Zyntra API');
    // An integrator reads how to authenticate, and that each route names the roles it admits.
    expect(await page.textContent('[data-testid=api-reference]')).toContain('Each operation lists the roles that may call it');
    await page.waitForTimeout(1_000);
    // A self-hosted reference offers none of the docs vendor's hosted services.
    expect(await page.getByText('Generate MCP').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('developers-api-reference') });
    expect(problems).toEqual([]);
  });
});
