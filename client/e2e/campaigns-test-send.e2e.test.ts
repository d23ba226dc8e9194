// "Send a test" on a campaign before it starts: the marketer's own number gets the message filled as
// its contact would, the reply is answered by the campaign's flow, and the campaign stays a draft.
// Queued first, then sent, delivered or refused as WhatsApp answers. In pt-BR and English (a refusal worded), and on a phone; the number is remembered for the next test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import pg from 'pg';
import { edge, flow, node } from '../../server/test/flow-docs';
import { textMessage } from '../../server/test/fakes/whatsapp-payloads';
import { api } from '../../server/test/harness';
import { eventually, sentTexts, startPipeline, syncTemplates, type Pipeline } from '../../server/test/pipeline';
import { launchBrowser, screenshotPath } from './browser';
import { startAppWithClient } from './builder-page';
import { agentPage, ownerAgent, settle } from './inbox-page';

let p: Pipeline;
let browser: Browser;
let campaignId: string;

beforeAll(async () => {
  p = await startPipeline({}, { appStarter: startAppWithClient });
  browser = await launchBrowser();
  await syncTemplates(p, { name: 'natal_loja', language: 'pt_BR', status: 'APPROVED', bodyParams: 1, category: 'MARKETING', components: [{ type: 'BODY', text: 'Olá {{1}}! O Natal chegou na Loja Exemplo.' }] });
  const { flowId } = await p.publish(
    flow([node('start', 'trigger', { keywords: [{ value: 'zzz-nunca', match: 'exact' }] } as never), node('say', 'message', { text: 'Seu cupom: NATAL10' })], [edge('start', 'next', 'say')]),
    'Cupom',
  );
  const created = await api(p.app, 'POST', '/v1/campaigns', {
    name: 'Natal', channelId: p.channelId, audience: { tags: ['clientes'] }, flowId,
    template: { name: 'natal_loja', language: 'pt_BR', parameters: { body: ['{{contact.name}}'] } },
  }, p.token);
  expect(created.status).toBe(201);
  campaignId = created.body.id;
  const db = new pg.Client({ connectionString: p.app.config.DATABASE_URL });
  await db.connect();
  await db.query(`INSERT INTO contacts (tenant_id, channel_id, external_id, phone, phone_e164, name) VALUES ($1, $2, '5581998880001', '5581998880001', '+5581998880001', 'Marina'),
    ($1, $2, '5581998880003', '5581998880003', '+5581998880003', 'Nina')`, [p.tenantId, p.channelId]);
  await db.end();
});
afterAll(async () => {
  await browser?.close();
  await p?.close();
});

describe('sending a test of a campaign', () => {
  it('when the marketer sends a test to their number (pt-BR), then it arrives filled, a reply gets the flow, the campaign stays a draft and the number is remembered', async () => {
    const { page, context } = await agentPage(browser, p, await ownerAgent(p), { lang: 'pt-BR' });
    await page.goto(`${p.app.url}/campaigns/${campaignId}`);
    await page.click('[data-testid=campaign-test-open]');
    await page.fill('[data-testid=campaign-test-phone]', '(81) 99888-0001');
    await page.click('[data-testid=campaign-test-send]');
    // Queued when the button answers; then what WhatsApp did with it, as it happens.
    const result = page.getByTestId('campaign-test-result');
    await expect.poll(() => result.textContent(), { timeout: 10_000 }).toBe('Enviado para +55 81 99888-0001: “Olá Marina! O Natal chegou na Loja Exemplo.”');
    await settle(page);
    await page.screenshot({ path: screenshotPath('campaigns-test-sent-pt-BR') });
    const sent = await eventually(() => p.wa.sendsTo('5581998880001').find((s) => s.body.type === 'template'));
    expect(sent.body.template.components[0].parameters).toEqual([{ type: 'text', text: 'Marina' }]);
    await p.wa.status(sent.id, 'delivered', '5581998880001');
    await expect.poll(() => result.textContent(), { timeout: 10_000 }).toBe('Entregue para +55 81 99888-0001: “Olá Marina! O Natal chegou na Loja Exemplo.”');
    await settle(page);
    await page.screenshot({ path: screenshotPath('campaigns-test-delivered-pt-BR') });
    await p.wa.inbound({ waId: '5581998880001', name: 'Marina' }, textMessage('eba'));
    await eventually(() => sentTexts(p.wa, '5581998880001').includes('Seu cupom: NATAL10'));
    expect((await api(p.app, 'GET', `/v1/campaigns/${campaignId}`, undefined, p.token)).body).toMatchObject({ status: 'draft', counts: { total: 0 } });
    await page.reload();
    await page.click('[data-testid=campaign-test-open]');
    expect(await page.inputValue('[data-testid=campaign-test-phone]')).toBe('(81) 99888-0001');
    await context.close();
  }, 120_000);

  it('when the test number has no name for {{contact.name}} (English), then the popover says the campaign would skip it and nothing is sent', async () => {
    const { page, context } = await agentPage(browser, p, await ownerAgent(p), { lang: 'en' });
    await page.goto(`${p.app.url}/campaigns/${campaignId}`);
    await page.click('[data-testid=campaign-test-open]');
    await page.fill('[data-testid=campaign-test-phone]', '+55 81 99888-0002');
    await page.keyboard.press('Enter');
    const result = page.getByTestId('campaign-test-result');
    await expect.poll(() => result.textContent()).toBe(
      'A value of the template is empty for this number\'s contact (a name it does not have, say): the campaign would skip it. Give the placeholder a default, e.g. {{contact.name | "cliente"}}.',
    );
    await settle(page);
    await page.screenshot({ path: screenshotPath('campaigns-test-refused-en') });
    expect(p.wa.sendsTo('5581998880002')).toHaveLength(0);
    // WhatsApp refuses the test to a number not on WhatsApp: the popover says so, in a recipient's words, not "sent".
    p.wa.failFor('5581998880003', 131026);
    await page.fill('[data-testid=campaign-test-phone]', '+55 81 99888-0003');
    await page.click('[data-testid=campaign-test-send]');
    await expect.poll(() => result.textContent(), { timeout: 15_000 }).toBe('Not delivered to +55 81 99888-0003: The number is not on WhatsApp.');
    await settle(page);
    await page.screenshot({ path: screenshotPath('campaigns-test-failed-en') });
    await context.close();
  }, 120_000);

  it('when the marketer works on a phone, then the buttons and the popover fit the screen', async () => {
    const { page, context } = await agentPage(browser, p, await ownerAgent(p), { lang: 'pt-BR', width: 390, height: 844 });
    await page.goto(`${p.app.url}/campaigns/${campaignId}`);
    await page.click('[data-testid=campaign-test-open]');
    await page.getByTestId('campaign-test').waitFor();
    const box = await page.getByTestId('campaign-test').boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await settle(page);
    await page.screenshot({ path: screenshotPath('campaigns-test-phone-pt-BR') });
    await context.close();
  }, 120_000);
});
