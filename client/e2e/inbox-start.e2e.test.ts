// Writing first to a customer from the inbox: "New conversation" (or C) asks for a number and an
// approved template (or a text), the server puts it in the customer's own thread, and the inbox opens
// that conversation, held by the agent, with the template as the customer reads it. In en and pt-BR,
// and on a phone; refusals (no window for a text, a bad number) are said in the agent's language.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type pg from 'pg';
import { api, signupWorkspace } from '../../server/test/harness';
import { addMember } from '../../server/test/agents';
import { textMessage } from '../../server/test/fakes/whatsapp-payloads';
import { eventually, syncTemplates, type Pipeline } from '../../server/test/pipeline';
import { screenshotPath } from './browser';
import { addAgent, agentPage, ownerAgent, settle } from './inbox-page';
import { startPipelineSuite } from './suites';

let p: Pipeline;
let browser: Browser;
let db: pg.Client;

startPipelineSuite(async (s) => {
  ({ p, browser, db } = s);
  await syncTemplates(p, {
    name: 'retorno_contato', language: 'pt_BR', status: 'APPROVED', bodyParams: 1,
    components: [{ type: 'BODY', text: 'Oi {{1}}! Aqui é da Loja Exemplo, sobre o seu pedido. Podemos falar?', example: { body_text: [['Ana']] } }],
  });
});

describe('writing first to a customer', () => {
  for (const [lang, local, waId, words] of [
    ['en', '(11) 98771-0001', '5511987710001', { open: 'New conversation', sent: 'Message sent' }],
    ['pt-BR', '11 98771-0002', '5511987710002', { open: 'Nova conversa', sent: 'Mensagem enviada' }],
  ] as const) {
    it(`when an agent sends a template to a new number (${lang}), then the conversation opens, held by them, with the template as the customer reads it`, async () => {
      const agent = await addAgent(p, lang === 'en' ? 'Carla' : 'Joana');
      const { page, context } = await agentPage(browser, p, agent, { lang });
      await page.goto(`${p.app.url}/inbox`);
      await page.waitForSelector('[data-testid=inbox-list-empty], [data-testid=inbox-list]');
      expect(await page.textContent('[data-testid=start-open]')).toBe(words.open);
      await page.click('[data-testid=start-open]');
      await page.fill('[data-testid=start-phone]', local);
      await page.click('[data-testid=template-pick]');
      await page.click('[role=option]');
      expect(await page.inputValue('[data-testid=template-var-1]')).toBe('{{contact.name}}');
      // A new number has no name: the agent gives the value a default.
      await page.fill('[data-testid=template-var-1]', '{{contact.name | "cliente"}}');
      await settle(page);
      await page.screenshot({ path: screenshotPath(`inbox-start-dialog-${lang}`) });
      await page.click('[data-testid=template-send]');
      const text = 'Oi cliente! Aqui é da Loja Exemplo, sobre o seu pedido. Podemos falar?';
      await page.locator('[data-testid=message-text]', { hasText: text }).waitFor({ timeout: 10_000 });
      await page.getByText(words.sent).first().waitFor();
      const id = new URL(page.url()).pathname.split('/').pop()!;
      const conv = await api(p.app, 'GET', `/v1/conversations/${id}`, undefined, agent.token);
      expect(conv.body).toMatchObject({ status: 'human', assigneeId: agent.userId });
      const sent = await eventually(() => p.wa.sendsTo(waId).find((s) => s.body.type === 'template'));
      expect(sent.body.template.components[0].parameters).toEqual([{ type: 'text', text: 'cliente' }]);
      await page.locator(`[data-testid=conversation-${id}]`).waitFor();
      await settle(page);
      await page.screenshot({ path: screenshotPath(`inbox-start-sent-${lang}`) });
      expect(p.wa.sendsTo(waId)).toHaveLength(1);
      await context.close();
    }, 120_000);
  }

  it('when a text goes to a number with no open window, or the number is not one, then the dialog says why in pt-BR and nothing is sent', async () => {
    const agent = await addAgent(p, 'Rita');
    const { page, context } = await agentPage(browser, p, agent, { lang: 'pt-BR' });
    await page.goto(`${p.app.url}/inbox`);
    await page.waitForSelector('[data-testid=inbox-list-empty], [data-testid=inbox-list]');
    // C opens the dialog, as the shortcuts list says.
    await page.keyboard.press('c');
    await page.waitForSelector('[data-testid=start-dialog]');
    await page.fill('[data-testid=start-phone]', '11 98771-0003');
    await page.getByText('Texto', { exact: true }).click();
    await page.fill('[data-testid=start-text]', 'Oi, tudo bem?');
    await page.click('[data-testid=start-send]');
    const error = page.getByTestId('start-error');
    await expect.poll(() => error.textContent()).toBe('Este cliente não escreveu nas últimas 24 horas: agora o WhatsApp só entrega um modelo aprovado.');
    await settle(page);
    await page.screenshot({ path: screenshotPath('inbox-start-refused-pt-BR') });
    await page.fill('[data-testid=start-phone]', '12');
    await page.click('[data-testid=start-send]');
    await expect.poll(() => error.textContent()).toBe('Este não é um número de telefone válido.');
    expect(p.wa.sendsTo('5511987710003')).toHaveLength(0);
    expect((await db.query("SELECT count(*)::int AS n FROM contacts WHERE phone_e164 = '+5511987710003'")).rows[0].n).toBe(0);
    await context.close();
  }, 120_000);

  it('when a workspace has no WhatsApp number, then an agent is told to ask an owner or admin (Settings is not theirs)', async () => {
    const other = await signupWorkspace(p.app, 'Só site');
    const member = await addMember(p.app, other.workspace.id, 'Caio', 'agent');
    const { page, context } = await agentPage(browser, p, { token: member.token, userId: member.id, name: member.name }, { lang: 'pt-BR' });
    await page.goto(`${p.app.url}/inbox`);
    await page.waitForSelector('[data-testid=inbox-list-empty], [data-testid=inbox-list]');
    await page.keyboard.press('c');
    await expect.poll(() => page.getByTestId('start-no-channel').textContent())
      .toBe('Nenhum número de WhatsApp está conectado para escrever aos clientes. Peça a um proprietário ou administrador do espaço para conectar um.');
    await settle(page);
    await page.screenshot({ path: screenshotPath('inbox-start-no-channel-agent-pt-BR') });
    await context.close();
  });

  it('when the agent types a known customer\'s name, then picking her sends a text into her own chat while her window is open', async () => {
    await p.wa.inbound({ waId: '5511987710005', name: 'Rosa Almeida' }, textMessage('oi, meu pedido não chegou'));
    const convId = await eventually(async () => (await db.query("SELECT cv.id FROM conversations cv JOIN contacts ct ON ct.id = cv.contact_id WHERE ct.external_id = '5511987710005'")).rows[0]?.id as string | undefined);
    const agent = await addAgent(p, 'Lia');
    const { page, context } = await agentPage(browser, p, agent, { lang: 'pt-BR' });
    await page.goto(`${p.app.url}/inbox`);
    await page.click('[data-testid=start-open]');
    await page.fill('[data-testid=start-phone]', 'rosa');
    await page.getByTestId('start-match').filter({ hasText: 'Rosa Almeida' }).click();
    expect(await page.textContent('[data-testid=start-picked]')).toBe('Rosa Almeida · +55 11 98771-0005');
    await page.getByText('Texto', { exact: true }).click();
    await page.fill('[data-testid=start-text]', 'Oi Rosa, já verifiquei: sai hoje!');
    await settle(page);
    await page.screenshot({ path: screenshotPath('inbox-start-picked-pt-BR') });
    await page.click('[data-testid=start-send]');
    await page.locator('[data-testid=message-text]', { hasText: 'Oi Rosa, já verifiquei: sai hoje!' }).waitFor({ timeout: 10_000 });
    expect(new URL(page.url()).pathname).toBe(`/inbox/${convId}`);
    expect(await page.locator('[data-testid=message-text]', { hasText: 'oi, meu pedido não chegou' }).count()).toBe(1);
    await eventually(() => p.wa.sendsTo('5511987710005').some((s) => s.body.text?.body === 'Oi Rosa, já verifiquei: sai hoje!'));
    await context.close();
  }, 120_000);

  it('when an owner clicks Write on a contact (en), then the inbox opens the dialog with that customer picked', async () => {
    await db.query(`INSERT INTO contacts (tenant_id, channel_id, external_id, phone, phone_e164, name) VALUES ($1, $2, '5511987710006', '5511987710006', '+5511987710006', 'Paulo Reis')`, [p.tenantId, p.channelId]);
    const { page, context } = await agentPage(browser, p, await ownerAgent(p), { lang: 'en' });
    await page.goto(`${p.app.url}/contacts`);
    await page.getByTestId('contacts-table').getByText('Paulo Reis').click();
    await page.getByTestId('contact-write').click();
    await page.waitForURL(/\/inbox$/);
    await expect.poll(() => page.getByTestId('start-picked').textContent()).toBe('Paulo Reis · +55 11 98771-0006');
    await page.click('[data-testid=template-pick]');
    await page.click('[role=option]');
    await page.waitForFunction(() => document.querySelector('[data-testid=template-preview]')?.textContent?.includes('Oi Paulo Reis!'));
    await settle(page);
    await page.screenshot({ path: screenshotPath('inbox-start-from-contact-en') });
    await page.click('[data-testid=template-send]');
    await page.locator('[data-testid=message-text]', { hasText: 'Oi Paulo Reis!' }).waitFor({ timeout: 10_000 });
    await eventually(() => p.wa.sendsTo('5511987710006').length === 1);
    await context.close();
  }, 120_000);

  it('when the agent works on a phone, then the dialog fits the screen and the new conversation opens full width', async () => {
    const agent = await addAgent(p, 'Bia');
    const { page, context } = await agentPage(browser, p, agent, { lang: 'pt-BR', width: 390, height: 844 });
    await page.goto(`${p.app.url}/inbox`);
    await page.click('[data-testid=start-open]');
    await page.fill('[data-testid=start-phone]', '+55 11 98771-0004');
    await page.click('[data-testid=template-pick]');
    await page.click('[role=option]');
    await page.fill('[data-testid=template-var-1]', 'Bruno');
    const box = await page.getByTestId('start-dialog').boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await settle(page);
    await page.screenshot({ path: screenshotPath('inbox-start-dialog-phone-pt-BR') });
    await page.click('[data-testid=template-send]');
    await page.locator('[data-testid=message-text]', { hasText: 'Oi Bruno!' }).waitFor({ timeout: 10_000 });
    await settle(page);
    await page.screenshot({ path: screenshotPath('inbox-start-sent-phone-pt-BR') });
    await eventually(() => p.wa.sendsTo('5511987710004').length === 1);
    await context.close();
  }, 120_000);
});
