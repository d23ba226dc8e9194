// The send_template step in the builder (pt-BR): a plain message after a two-day wait is warned about
// and the warning points at the new step; the step's panel picks an approved template of the
// workspace and fills its values, the first with the contact's name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { api } from '../../server/test/harness';
import { edge, flow, keywordTrigger, node } from '../../server/test/flow-docs';
import { startPipeline, type Pipeline } from '../../server/test/pipeline';
import { launchBrowser, screenshotPath } from './browser';
import { addNode, openFlow, signedInPage, startAppWithClient } from './builder-page';

let p: Pipeline;
let browser: Browser;

beforeAll(async () => {
  p = await startPipeline({}, { appStarter: startAppWithClient });
  browser = await launchBrowser();
  p.wa.addTemplate({
    name: 'pedido_saiu', language: 'pt_BR', status: 'APPROVED', bodyParams: 2,
    components: [{ type: 'BODY', text: 'Olá {{1}}, seu pedido {{2}} saiu.', example: { body_text: [['Ana', '#1023']] } }],
  });
  expect((await api(p.app, 'POST', `/v1/channels/${p.channelId}/templates/sync`, {}, p.token)).status).toBe(200);
});
afterAll(async () => {
  await browser?.close();
  await p?.close();
});

describe('send_template step in the builder', () => {
  it('when a message follows a two-day wait, then it is warned about, and the template step picks and fills a template', async () => {
    const doc = flow(
      [keywordTrigger('oi'), node('later', 'wait', { mode: 'delay', delaySeconds: 2 * 86400 }), node('nudge', 'message', { text: 'Ainda quer?' })],
      [edge('start', 'next', 'later'), edge('later', 'next', 'nudge')],
    );
    const created = await api(p.app, 'POST', '/v1/flows', { name: 'Lembrete', document: doc }, p.token);
    const page = await signedInPage(browser, p.app, p.token, 'pt-BR');
    await openFlow(page, p.app, created.body.id);
    await page.click('[data-testid=problems-toggle]');
    const warning = page.locator('[data-testid=problem-item][data-node-id=nudge]');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('Use aqui uma etapa “Enviar modelo”');

    await addNode(page, 'send_template');
    await page.getByTestId('send-template-pick').click();
    await page.locator('[role=option]', { hasText: 'pedido_saiu · pt_BR' }).click();
    const panel = page.getByTestId('node-panel');
    await expect.poll(() => panel.textContent()).toContain('#1023');
    expect(await panel.textContent()).toContain('{{contact.name}}');
    await page.waitForTimeout(400);
    await page.screenshot({ path: screenshotPath('builder-send-template-pt-BR') });
  }, 90_000);
});
