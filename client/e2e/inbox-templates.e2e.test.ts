// Reaching a customer again after the 24-hour window: the composer offers an approved template of the
// channel with its variables prefilled from the contact, a WhatsApp-like preview, and sends it; the
// thread shows it as the customer reads it and WhatsApp receives one template send. In en and pt-BR.
// A sent template shows its header, footer and buttons in the thread, and the customer's tap on one
// reads as that button, on a desktop and on a phone.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type pg from 'pg';
import { api } from '../../server/test/harness';
import { textMessage } from '../../server/test/fakes/whatsapp-payloads';
import { eventually, syncTemplates, type Pipeline } from '../../server/test/pipeline';
import { screenshotPath } from './browser';
import { agentPage, ownerAgent, row, settle } from './inbox-page';
import { startPipelineSuite } from './suites';

let p: Pipeline;
let browser: Browser;
let db: pg.Client;

startPipelineSuite(async (s) => {
  ({ p, browser, db } = s);
  await syncTemplates(p, {
    name: 'pedido_saiu', language: 'pt_BR', status: 'APPROVED', bodyParams: 2,
    components: [{ type: 'BODY', text: 'Olá {{1}}, seu pedido {{2}} saiu para entrega.', example: { body_text: [['Ana', '#1023']] } }, { type: 'FOOTER', text: 'Loja Exemplo' }],
  }, { name: 'rascunho', language: 'pt_BR', status: 'PENDING', bodyParams: 0, components: [{ type: 'BODY', text: 'Ainda não' }] });
});

async function closedConversation(waId: string, name: string): Promise<string> {
  await p.wa.inbound({ waId, name }, textMessage('oi, tudo bem?'));
  const id = await eventually(async () => (await db.query('SELECT cv.id FROM conversations cv JOIN contacts ct ON ct.id = cv.contact_id WHERE ct.phone = $1', [waId])).rows[0]?.id as string | undefined);
  await db.query("UPDATE conversations SET last_inbound_at = now() - interval '2 days' WHERE id = $1", [id]);
  return id;
}

describe('sending a template from the inbox', () => {
  for (const [lang, waId, name, words] of [
    ['en', '5511987100001', 'Carla Dias', { open: 'Send a template', send: 'Send template', language: 'Brazilian Portuguese' }],
    ['pt-BR', '5511987100002', 'Joana Lima', { open: 'Enviar modelo', send: 'Enviar modelo', language: 'Português (Brasil)' }],
  ] as const) {
    it(`when the window is closed (${lang}), then the agent picks an approved template, fills it, sees the preview and sends it once`, async () => {
      const id = await closedConversation(waId, name);
      const { page, context } = await agentPage(browser, p, await ownerAgent(p), { lang });
      await page.goto(`${p.app.url}/inbox`);
      await page.click('[data-testid=folder-bot]');
      await row(page, id).click();
      await page.waitForSelector('[data-testid=window-closed]');
      expect(await page.isDisabled('[data-testid=composer-input]')).toBe(true);
      expect(await page.textContent('[data-testid=template-open]')).toBe(words.open);
      await page.click('[data-testid=template-open]');
      await page.click('[data-testid=template-pick]');
      // Only approved templates are offered, their language named in the agent's words, not as a code.
      expect(await page.locator('[role=option]').allTextContents()).toEqual([`pedido_saiu · ${words.language}`]);
      await page.click('[role=option]');
      expect(await page.inputValue('[data-testid=template-var-1]')).toBe('{{contact.name}}');
      expect(await page.inputValue('[data-testid=template-var-2]')).toBe('#1023');
      await page.fill('[data-testid=template-var-2]', '#2048');
      await page.waitForFunction(() => document.querySelector('[data-testid=template-preview]')?.textContent?.includes('#2048'));
      expect(await page.textContent('[data-testid=template-preview]')).toContain(`Olá ${name}, seu pedido #2048 saiu para entrega.`);
      await settle(page);
      await page.screenshot({ path: screenshotPath(`inbox-template-dialog-${lang}`) });
      expect(await page.textContent('[data-testid=template-send]')).toBe(words.send);
      await page.click('[data-testid=template-send]');
      const text = `Olá ${name}, seu pedido #2048 saiu para entrega.`;
      await page.locator('[data-testid=message-text]', { hasText: text }).waitFor({ timeout: 10_000 });
      const sent = await eventually(() => p.wa.sendsTo(waId).find((s) => s.body.type === 'template'));
      expect(sent.body.template).toMatchObject({ name: 'pedido_saiu', language: { code: 'pt_BR' }, components: [{ type: 'body', parameters: [{ type: 'text', text: name }, { type: 'text', text: '#2048' }] }] });
      await new Promise((r) => setTimeout(r, 500));
      expect(p.wa.sendsTo(waId).filter((s) => s.body.type === 'template')).toHaveLength(1);
      await settle(page);
      await page.screenshot({ path: screenshotPath(`inbox-template-sent-${lang}`) });
      await context.close();
    }, 120_000);
  }

  it('when the server refuses the template (a placeholder it cannot fill, a template paused meanwhile), then the dialog says why in pt-BR', async () => {
    const id = await closedConversation('5511987100003', 'Rita Alves');
    const { page, context } = await agentPage(browser, p, await ownerAgent(p), { lang: 'pt-BR' });
    await page.goto(`${p.app.url}/inbox`);
    await page.click('[data-testid=folder-bot]');
    await row(page, id).click();
    await page.click('[data-testid=template-open]');
    await page.click('[data-testid=template-pick]');
    await page.click('[role=option]');
    // Picking the chosen template again keeps it (a second pick used to empty the dialog).
    await page.click('[data-testid=template-pick]');
    await page.click('[role=option]');
    await settle(page);
    expect(await page.inputValue('[data-testid=template-pick]')).toContain('pedido_saiu');
    expect(await page.locator('[data-testid=template-var-2]').count()).toBe(1);
    await page.fill('[data-testid=template-var-2]', '{{pedido | sem aspas}}');
    await page.click('[data-testid=template-send]');
    const error = page.getByTestId('template-error');
    await expect.poll(() => error.textContent()).toBe('Estes não podem ser preenchidos e chegariam ao cliente como estão: {{pedido | sem aspas}}. Escreva como {{contact.name | "…"}}.');
    await page.fill('[data-testid=template-var-2]', '#3001');
    await db.query("UPDATE whatsapp_templates SET status = 'PAUSED' WHERE name = 'pedido_saiu'");
    try {
      await page.click('[data-testid=template-send]');
      await expect.poll(() => error.textContent()).toBe('O WhatsApp tem este modelo como Pausado: só modelos aprovados podem ser enviados. Escolha outro.');
      await settle(page);
      await page.screenshot({ path: screenshotPath('inbox-template-refused-pt-BR') });
    } finally {
      await db.query("UPDATE whatsapp_templates SET status = 'APPROVED' WHERE name = 'pedido_saiu'");
    }
    expect(p.wa.sendsTo('5511987100003').filter((s) => s.body.type === 'template')).toHaveLength(0);
    await context.close();
  }, 120_000);

  it("when templates with a header, footer and buttons went out and the customer tapped one, then the thread shows them as the customer saw them", async () => {
    p.wa.addTemplate({
      name: 'entrega_agendada', language: 'pt_BR', status: 'APPROVED', bodyParams: 1, headerParams: 1,
      components: [
        { type: 'HEADER', format: 'TEXT', text: 'Pedido {{1}}', example: { header_text: ['#1023'] } },
        { type: 'BODY', text: 'Olá {{1}}, sua entrega chega amanhã entre 8h e 12h. Podemos confirmar?', example: { body_text: [['Ana']] } },
        { type: 'FOOTER', text: 'Loja Exemplo' },
        { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Quero!' }, { type: 'QUICK_REPLY', text: 'Agora não' }, { type: 'URL', text: 'Rastrear', url: 'https://loja.example/r/{{1}}', example: ['1023'] }] },
      ],
    });
    p.wa.addTemplate({
      name: 'cupom_natal', language: 'pt_BR', status: 'APPROVED', bodyParams: 0, headerParams: 1,
      components: [{ type: 'HEADER', format: 'IMAGE' }, { type: 'BODY', text: 'Seu cupom de Natal chegou!' }, { type: 'BUTTONS', buttons: [{ type: 'COPY_CODE', example: 'NATAL10' }] }],
    });
    expect((await api(p.app, 'POST', `/v1/channels/${p.channelId}/templates/sync`, {}, p.token)).status).toBe(200);
    const waId = '5511987100004';
    const id = await closedConversation(waId, 'Paula Nunes');
    const send = (template: unknown) => api(p.app, 'POST', `/v1/conversations/${id}/messages`, { template }, p.token);
    expect((await send({ name: 'entrega_agendada', language: 'pt_BR', parameters: {
      body: ['{{contact.name}}'], header: { type: 'text', value: '#2077' }, buttons: [{ index: 2, subType: 'url', value: '2077' }],
    } })).status).toBe(201);
    // The coupon comes from the shop's own system, through an API key: its bubble is headed with the key's name.
    const key = (await api(p.app, 'POST', '/v1/api-keys', { name: 'ERP da loja', role: 'admin' }, p.token)).body.key as string;
    expect((await api(p.app, 'POST', `/v1/conversations/${id}/messages`, { template: { name: 'cupom_natal', language: 'pt_BR', parameters: {
      header: { type: 'image', value: 'https://loja.example/natal.jpg' }, buttons: [{ index: 0, subType: 'copy_code', value: 'NATAL20' }],
    } } }, key)).status).toBe(201);
    await eventually(() => p.wa.sendsTo(waId).filter((s) => s.body.type === 'template').length === 2);
    // The tap answers the first template (WhatsApp's context names its id), once WhatsApp's id for it is stored.
    const [delivery] = p.wa.sendsTo(waId).filter((s) => s.body.type === 'template');
    await eventually(async () => ((await api(p.app, 'GET', `/v1/conversations/${id}/messages`, undefined, p.token)).body.items as Array<{ type: string; status: string }>)
      .filter((m) => m.type === 'template').every((m) => m.status !== 'pending'));
    await p.wa.inbound({ waId, name: 'Paula Nunes' }, { type: 'button', button: { text: 'Quero!', payload: 'Quero!' }, context: { from: '15550001111', id: delivery!.id } });
    for (const [lang, words] of [
      ['en', { name: 'Template: entrega_agendada', tapped: 'Tapped a button', image: 'ImageOpen file', code: 'Copy code: NATAL20', you: 'You' }],
      ['pt-BR', { name: 'Modelo: entrega_agendada', tapped: 'Tocou em um botão', image: 'ImagemAbrir arquivo', code: 'Copiar código: NATAL20', you: 'Você' }],
    ] as const) {
      const { page, context } = await agentPage(browser, p, await ownerAgent(p), { lang });
      await page.goto(`${p.app.url}/inbox/${id}`);
      const tapped = page.locator('[data-testid=message][data-author=contact]', { has: page.getByTestId('message-tapped') });
      await tapped.waitFor();
      const sent = page.locator('[data-testid=message]', { has: page.getByTestId('template-header') });
      expect(await sent.getByTestId('template-name').textContent()).toBe(words.name);
      expect(await sent.getByTestId('template-header').textContent()).toBe('Pedido #2077');
      expect(await sent.getByTestId('message-text').textContent()).toBe('Olá Paula Nunes, sua entrega chega amanhã entre 8h e 12h. Podemos confirmar?');
      expect(await sent.getByTestId('template-footer').textContent()).toBe('Loja Exemplo');
      expect(await sent.getByTestId('template-button').allTextContents()).toEqual(['Quero!', 'Agora não', 'Rastrear']);
      expect(await sent.getByTestId('template-button').nth(2).getAttribute('title')).toBe('https://loja.example/r/2077');
      const coupon = page.locator('[data-testid=message]', { has: page.getByTestId('template-media') });
      expect(await coupon.getByTestId('template-media').textContent()).toBe(words.image);
      expect(await coupon.getByTestId('template-media').locator('a').getAttribute('href')).toBe('https://loja.example/natal.jpg');
      expect(await coupon.getByTestId('template-button').allTextContents()).toEqual([words.code]);
      expect(await coupon.getByTestId('message-api-key').textContent()).toBe('ERP da loja (API)');
      expect(await tapped.getByTestId('message-tapped').textContent()).toBe(words.tapped);
      expect(await tapped.getByTestId('message-text').textContent()).toBe('Quero!');
      // The tap quotes the template it answers, as WhatsApp showed the customer.
      expect((await tapped.getByTestId('message-quote').innerText()).replace(/\n+/g, '\n')).toBe(`${words.you}\nOlá Paula Nunes, sua entrega chega amanhã entre 8h e 12h. Podemos confirmar?`);
      await page.screenshot({ path: screenshotPath(`inbox-template-parts-${lang}`) });
      // On a phone the thread takes the screen; the same bubbles fit its width.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.waitForFunction(() => (document.querySelector('[data-testid=template-buttons]')?.getBoundingClientRect().right ?? 999) <= 390);
      await tapped.scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath(`inbox-template-parts-${lang}-phone`) });
      await context.close();
    }
  }, 60_000);
});
