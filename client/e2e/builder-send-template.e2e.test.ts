// The send_template step in the builder (pt-BR): a plain message after a two-day wait is warned about
// and the warning points at the new step; the step's panel picks an approved template of the
// workspace and fills its values, the first with the contact's name. A template with a link button
// ending in {{1}} and a coupon button gets one input each (the link's fixed address beside it, en and
// pt-BR); the flow then sends them, and the inbox shows the link filled in. With the builder open,
// Meta's reviews of a step's template and a colleague's publish show at once, over the realtime line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addMember } from '../../server/test/agents';
import { api } from '../../server/test/harness';
import { edge, flow, keywordTrigger, node } from '../../server/test/flow-docs';
import { textMessage } from '../../server/test/fakes/whatsapp-payloads';
import { eventually, startPipeline, syncTemplates, type Pipeline } from '../../server/test/pipeline';
import { launchBrowser, screenshotPath } from './browser';
import { addNode, openFlow, selectNode, signedInPage, startAppWithClient, waitSaved } from './builder-page';

let p: Pipeline;
let browser: Browser;

beforeAll(async () => {
  p = await startPipeline({}, { appStarter: startAppWithClient });
  browser = await launchBrowser();
  await syncTemplates(p, {
    name: 'pedido_saiu', language: 'pt_BR', status: 'APPROVED', bodyParams: 2,
    components: [{ type: 'BODY', text: 'Olá {{1}}, seu pedido {{2}} saiu.', example: { body_text: [['Ana', '#1023']] } }],
  }, {
    name: 'pedido_rastreio', language: 'pt_BR', status: 'APPROVED', bodyParams: 1,
    components: [
      { type: 'BODY', text: 'Olá {{1}}, seu pedido saiu. Acompanhe pelo link e use o cupom na próxima compra.', example: { body_text: [['Ana']] } },
      { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Rastrear', url: 'https://loja.example/pedido/{{1}}', example: ['1023'] }, { type: 'COPY_CODE', example: 'VOLTA10' }] },
    ],
  });
});
afterAll(async () => {
  await browser?.close();
  await p?.close();
});

/** Opens the builder on a flow once its realtime line is connected (socket.io's CONNECT packet, "40"). */
async function openFlowLive(flowId: string, lang: 'en' | 'pt-BR'): Promise<Page> {
  const page = await signedInPage(browser, p.app, p.token, lang);
  const connected = new Promise<void>((resolve, reject) => {
    page.on('websocket', (ws) => ws.on('framereceived', (f) => String(f.payload).startsWith('40') && resolve()));
    setTimeout(() => reject(new Error('the builder opened no realtime line')), 10_000);
  });
  await openFlow(page, p.app, flowId);
  await connected;
  return page;
}

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
    await page.locator('[role=option]', { hasText: 'pedido_saiu · Português (Brasil)' }).click();
    const panel = page.getByTestId('node-panel');
    await expect.poll(() => panel.textContent()).toContain('#1023');
    expect(await panel.textContent()).toContain('{{contact.name}}');
    await page.waitForTimeout(400);
    await page.screenshot({ path: screenshotPath('builder-send-template-pt-BR') });
  }, 90_000);

  it('when a template with a link and a coupon button is picked, then each takes a value, and the flow sends them and the inbox shows the link', async () => {
    // The step names the template as one saved before steps took button values: none stored.
    const before = { name: 'pedido_rastreio', body: ['{{contact.name}}'], text: 'Olá {{1}}, seu pedido saiu. Acompanhe pelo link e use o cupom na próxima compra.' };
    const doc = flow(
      [keywordTrigger('rastreio'), node('ask', 'wait', { mode: 'reply', saveAs: 'pedido', timeoutSeconds: null }), node('tpl', 'send_template', before)],
      [edge('start', 'next', 'ask'), edge('ask', 'next', 'tpl')],
      ['pedido'],
    );
    const created = await api(p.app, 'POST', '/v1/flows', { name: 'Rastreio', document: doc }, p.token);
    const page = await signedInPage(browser, p.app, p.token, 'pt-BR');
    await openFlow(page, p.app, created.body.id);
    await selectNode(page, 'tpl');
    const pickTemplate = async () => {
      await page.getByTestId('send-template-pick').click();
      await page.locator('[role=option]', { hasText: 'pedido_rastreio ·' }).click();
    };
    // Its panel shows the inputs the template takes; picking it again stores them, empty, as problems.
    const slots = page.getByTestId('send-template-buttons');
    await slots.waitFor();
    expect(await page.getByTestId('send-template-button-1').inputValue()).toBe('');
    // Before that, checked against the workspace's templates, the step could not go live: WhatsApp
    // would refuse the send without the buttons' values. The step's panel, its card and the problems
    // panel say so (en and pt-BR).
    const problems = page.getByTestId('panel-problems');
    await expect.poll(() => problems.textContent()).toContain('O modelo “pedido_rastreio” precisa do final do link do botão 1');
    expect(await problems.textContent()).toContain('precisa do código do cupom do botão 2');
    await page.click('[data-testid=problems-toggle]');
    const listed = page.locator('[data-testid=problem-item][data-node-id=tpl]', { hasText: 'o WhatsApp recusa a mensagem sem ele' });
    await listed.first().waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshotPath('builder-send-template-problem-pt-BR') });
    await page.click('[data-testid=problems-toggle]');
    const enBefore = await signedInPage(browser, p.app, p.token, 'en');
    await openFlow(enBefore, p.app, created.body.id);
    await selectNode(enBefore, 'tpl');
    await expect.poll(() => enBefore.getByTestId('panel-problems').textContent()).toContain('The template “pedido_rastreio” needs the link ending of button 1');
    await enBefore.click('[data-testid=problems-toggle]');
    await enBefore.locator('[data-testid=problem-item][data-node-id=tpl]', { hasText: 'WhatsApp refuses the message without it' }).first().waitFor();
    await enBefore.waitForTimeout(300);
    await enBefore.screenshot({ path: screenshotPath('builder-send-template-problem-en') });
    await enBefore.close();
    await pickTemplate();
    // The link's input says which address it completes; the coupon's is named by what it is.
    expect(await slots.textContent()).toContain('Final do link · Rastrear');
    expect(await slots.textContent()).toContain('https://loja.example/pedido/');
    expect(await slots.textContent()).toContain('Código do cupom');
    await expect.poll(() => problems.textContent()).toContain('“Final do link do botão 1” é obrigatório.');
    await expect.poll(() => problems.textContent()).not.toContain('precisa do');
    expect(await problems.textContent()).toContain('“Código do cupom do botão 2” é obrigatório.');

    await page.getByTestId('send-template-button-1').fill('{{pedido}}');
    await page.getByTestId('send-template-button-2').fill('VOLTA-{{pedido}}');
    // Picking the same template again keeps what was typed.
    await pickTemplate();
    expect(await page.getByTestId('send-template-button-1').inputValue()).toBe('{{pedido}}');
    // What is left is the step's unconnected "next", a warning: the flow ends there.
    await expect.poll(() => problems.textContent()).not.toContain('obrigatório');
    await waitSaved(page);
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshotPath('builder-send-template-buttons-pt-BR') });
    const saved = (await api(p.app, 'GET', `/v1/flows/${created.body.id}`, undefined, p.token)).body.document;
    expect(saved.nodes.find((n: { id: string }) => n.id === 'tpl').config).toMatchObject({
      name: 'pedido_rastreio', body: ['{{contact.name}}'],
      buttons: [{ index: 0, subType: 'url', value: '{{pedido}}' }, { index: 1, subType: 'copy_code', value: 'VOLTA-{{pedido}}' }],
    });

    const en = await signedInPage(browser, p.app, p.token, 'en');
    await openFlow(en, p.app, created.body.id);
    await selectNode(en, 'tpl');
    const enSlots = en.getByTestId('send-template-buttons');
    await expect.poll(() => enSlots.textContent()).toContain('Link ending · Rastrear');
    expect(await enSlots.textContent()).toContain('Coupon code');
    expect(await enSlots.textContent()).toContain('https://loja.example/pedido/');
    await en.waitForTimeout(300);
    await en.screenshot({ path: screenshotPath('builder-send-template-buttons-en') });
    await en.close();

    expect((await api(p.app, 'POST', `/v1/flows/${created.body.id}/publish`, {}, p.token)).status).toBeLessThan(300);
    const customer = { waId: '5511420000077', name: 'Rita Alves' };
    await p.wa.inbound(customer, textMessage('rastreio'));
    await eventually(async () => (await api(p.app, 'GET', '/v1/conversations', undefined, p.token)).body.items?.length > 0);
    await page.waitForTimeout(500);
    await p.wa.inbound(customer, textMessage('1023 B'));
    const sent = await eventually(() => p.wa.sendsTo(customer.waId).find((x) => x.body.type === 'template'), 20_000);
    expect(sent.body.template).toEqual({
      name: 'pedido_rastreio', language: { code: 'pt_BR' },
      components: [
        { type: 'body', parameters: [{ type: 'text', text: 'Rita Alves' }] },
        { type: 'button', sub_type: 'url', index: 0, parameters: [{ type: 'text', text: '1023%20B' }] },
        { type: 'button', sub_type: 'copy_code', index: 1, parameters: [{ type: 'coupon_code', coupon_code: 'VOLTA-1023 B' }] },
      ],
    });
    const conversation = (await api(p.app, 'GET', '/v1/conversations', undefined, p.token)).body.items[0].id;
    await page.goto(`${p.app.url}/inbox/${conversation}`);
    const message = page.locator('[data-testid=message]', { has: page.getByTestId('template-buttons') });
    await message.waitFor();
    expect(await message.getByTestId('template-button').nth(0).getAttribute('title')).toBe('https://loja.example/pedido/1023%20B');
    expect(await message.getByTestId('template-button').nth(1).textContent()).toBe('Copiar código: VOLTA-1023 B');
    await page.screenshot({ path: screenshotPath('builder-send-template-buttons-inbox-pt-BR') });
  }, 120_000);

  it('when Meta approves, then pauses the template a step names while the builder is open, then its problem goes and comes back without a tab switch, and a colleague’s publish shows on the chip', async () => {
    p.wa.addTemplate({
      name: 'aviso_entrega', language: 'pt_BR', status: 'PENDING', bodyParams: 1,
      components: [{ type: 'BODY', text: 'Olá {{1}}, sua entrega chega hoje.', example: { body_text: [['Ana']] } }],
    });
    expect((await api(p.app, 'POST', `/v1/channels/${p.channelId}/templates/sync`, {}, p.token)).status).toBe(200);
    const doc = flow(
      [keywordTrigger('entrega'), node('tpl', 'send_template', { name: 'aviso_entrega', body: ['{{contact.name}}'], text: 'Olá {{1}}, sua entrega chega hoje.' })],
      [edge('start', 'next', 'tpl')],
    );
    const created = await api(p.app, 'POST', '/v1/flows', { name: 'Entrega', document: doc }, p.token);
    const [ptBR, en] = await Promise.all([openFlowLive(created.body.id, 'pt-BR'), openFlowLive(created.body.id, 'en')]);
    const pages = { 'pt-BR': ptBR!, en: en! };
    const all = Object.values(pages);
    // The template's problem (the step's other one, its unconnected "next", stays listed).
    const problem = (page: Page) => page.locator('[data-testid=problem-item][data-node-id=tpl]', { hasText: '“aviso_entrega”' });
    const problemText = (page: Page) => problem(page).count().then((n) => (n ? problem(page).first().textContent() : null));
    const live = { timeout: 3_000, interval: 50 };
    await Promise.all(all.map((page) => page.click('[data-testid=problems-toggle]')));
    await expect.poll(() => problemText(pages['pt-BR'])).toContain('está em análise no WhatsApp');
    await expect.poll(() => problemText(pages.en)).toContain('is in review at WhatsApp');

    // The marketer waits in the builder; Meta approves.
    expect(await p.wa.templateApi.review('aviso_entrega', 'pt_BR', 'APPROVED')).toBe(200);
    await Promise.all(all.map((page) => expect.poll(() => problem(page).count(), live).toBe(0)));
    // A colleague publishes the flow: the chip says what is live.
    expect(await pages['pt-BR'].getByTestId('flow-status').textContent()).toBe('Rascunho');
    const colleague = await addMember(p.app, p.tenantId, 'Marta', 'marketer');
    expect((await api(p.app, 'POST', `/v1/flows/${created.body.id}/publish`, {}, colleague.token)).status).toBe(201);
    await expect.poll(() => pages['pt-BR'].getByTestId('flow-status').textContent(), live).toBe('Publicado · v1');
    await expect.poll(() => pages.en.getByTestId('flow-status').textContent(), live).toBe('Published · v1');
    // Later Meta pauses the template: the step's next publish would be refused.
    expect(await p.wa.templateApi.review('aviso_entrega', 'pt_BR', 'PAUSED')).toBe(200);
    await expect.poll(() => problemText(pages['pt-BR']), live).toContain('O modelo “aviso_entrega” está pausado no WhatsApp');
    await expect.poll(() => problemText(pages.en), live).toContain('The template “aviso_entrega” is paused at WhatsApp');
    await Promise.all(Object.entries(pages).map(async ([lang, page]) => {
      await page.waitForTimeout(300);
      await page.screenshot({ path: screenshotPath(`builder-send-template-live-${lang}`) });
      await page.close();
    }));
  }, 60_000);
});
