// Campaigns in pt-BR: create one in the wizard (template, parameters from contact fields, audience
// by tag with the number it reaches, sending hours), start it after a confirmation naming that
// number, watch the live progress reach every recipient, see a reply credited, and open a
// recipient's conversation from the table.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import pg from 'pg';
import { textMessage } from '../../server/test/fakes/whatsapp-payloads';
import { addMember } from '../../server/test/agents';
import { api } from '../../server/test/harness';
import { eventually, startPipeline, type Pipeline } from '../../server/test/pipeline';
import { launchBrowser, screenshotPath } from './browser';
import { startAppWithClient } from './builder-page';
import { agentPage, bubbleTexts, ownerAgent, quietFor, settle } from './inbox-page';
import { pickTime } from './pick-time';

let p: Pipeline;
let browser: Browser;
const N = 24;
const phone = (i: number) => `5581990000${String(i).padStart(3, '0')}`;

beforeAll(async () => {
  p = await startPipeline({}, { appStarter: startAppWithClient });
  browser = await launchBrowser();
  p.wa.addTemplate({ name: 'ofertas_natal', language: 'pt_BR', status: 'APPROVED', bodyParams: 2 });
  p.wa.failFor(phone(3), 131049);
  const db = new pg.Client({ connectionString: p.app.config.DATABASE_URL });
  await db.connect();
  try {
    const names = ['Maria Clara', 'João Pedro', 'Ana Beatriz', 'Lucas Lima', 'Beatriz Souza', 'Rafael Costa'];
    for (let i = 0; i < N; i++) {
      await db.query(
        `INSERT INTO contacts (tenant_id, channel_id, external_id, phone, name, tags, attributes, opted_out_at) VALUES ($1, $2, $3, $3, $4, '{clientes}', $5, $6)`,
        [p.tenantId, p.channelId, phone(i), `${names[i % names.length]} ${i}`, { bairro: i % 2 ? 'Boa Viagem' : 'Casa Forte' }, i === 5 ? new Date() : null],
      );
    }
  } finally {
    await db.end();
  }
});
afterAll(async () => {
  await browser?.close();
  await p?.close();
});

/**
 * Where a contact's reply went, for a failure to say why it was not counted: their campaign
 * recipients, their conversations, the messages they wrote, and the webhook events that carried them.
 */
async function replyTrail(waId: string) {
  const db = new pg.Client({ connectionString: p.app.config.DATABASE_URL });
  await db.connect();
  try {
    const q = async (text: string) => (await db.query(text, [p.tenantId, waId])).rows;
    const contact = `(SELECT id FROM contacts WHERE tenant_id = $1 AND external_id = $2)`;
    return {
      recipients: await q(`SELECT status, sent_at, conversation_id FROM campaign_recipients WHERE tenant_id = $1 AND contact_id IN ${contact}`),
      conversations: await q(`SELECT id, status, created_at, outreach_campaign_id FROM conversations WHERE tenant_id = $1 AND contact_id IN ${contact}`),
      written: await q(`SELECT m.conversation_id, m.created_at, m.text FROM messages m JOIN conversations c ON c.id = m.conversation_id
        WHERE m.tenant_id = $1 AND m.direction = 'in' AND c.contact_id IN ${contact}`),
      events: await q(`SELECT id, kind, status, received_at, processed_at FROM inbound_events WHERE tenant_id = $1 AND payload::text LIKE '%' || $2 || '%' ORDER BY id`),
    };
  } finally {
    await db.end();
  }
}

/** Opens the wizard and fills its first step: a name, the WhatsApp channel and the 2-parameter template. */
async function startWizard(page: Page, name: string): Promise<void> {
  await page.click('[data-testid=new-campaign]');
  await page.waitForSelector('input[name=campaign-name]');
  await page.fill('input[name=campaign-name]', name);
  // The workspace's one WhatsApp number is chosen already.
  await expect.poll(() => page.getByTestId('campaign-channel').inputValue()).toBe('Loja WhatsApp');
  await page.fill('input[name=template-name]', 'ofertas_natal');
  await page.fill('textarea[name=template-text]', 'Olá {{1}}! Ofertas de Natal chegaram em {{2}}.');
}

describe('campaigns', () => {
  it('when a marketer creates and starts a campaign in pt-BR, then the progress shows every recipient and a recipient opens in the inbox', async () => {
    const { page } = await agentPage(browser, p, await ownerAgent(p), { lang: 'pt-BR' });
    await page.goto(`${p.app.url}/campaigns`);
    await page.waitForSelector('[data-testid=campaigns-empty]');
    await startWizard(page, 'Natal no bairro');
    // The name stops at the server's length.
    expect(await page.locator('input[name=campaign-name]').getAttribute('maxlength')).toBe('120');
    // Typed by hand and not among the channel's synced approved templates: the wizard says what WhatsApp will do.
    await page.getByTestId('template-unknown').waitFor();
    await page.screenshot({ path: screenshotPath('campaigns-wizard-template-unknown-pt-BR') });
    await page.click('[data-testid=wizard-next]');
    expect(await page.inputValue('input[name=param-1]')).toBe('{{contact.name}}');
    await page.fill('input[name=param-2]', '{{bairro}}');
    await page.click('[data-testid=wizard-next]');
    // A list saved by Excel as "Unicode text" (UTF-16, tab-separated) reads its numbers; a workbook is turned away.
    await page.getByText('Enviar um CSV').click();
    const unicodeList = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Telefone\tNome\n+55 11 98888-0001\tJoão\n+55 11 98888-0002\tConceição, Maria\n', 'utf16le')]);
    await page.locator('input[type=file]').setInputFiles({ name: 'lista.csv', mimeType: 'text/csv', buffer: unicodeList });
    await page.getByText('2 números lidos, 0 linhas recusadas').waitFor();
    // Both numbers are new: they become contacts when the campaign starts, and are counted now.
    await expect.poll(() => page.getByTestId('audience-count').textContent()).toBe('Alcança 2 pessoas');
    await page.locator('input[type=file]').setInputFiles({ name: 'lista.xlsx', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from([0x50, 0x4b, 3, 4, 0x14, 0, 6, 0, 8, 0]) });
    await expect.poll(() => page.getByTestId('audience-not-csv').textContent()).toContain('lista.xlsx não é um arquivo CSV');
    expect(await page.getByText('números lidos').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('campaigns-wizard-not-csv-pt') });
    // 12345678 looks like a number but cannot be a phone: the server says which, in pt-BR.
    await page.locator('input[type=file]').setInputFiles({ name: 'lista.csv', mimeType: 'text/csv', buffer: Buffer.from('telefone\n+55 11 98888-0003\n12345678\n') });
    await page.getByText('2 números lidos, 0 linhas recusadas').waitFor();
    await page.click('[data-testid=wizard-next]');
    // Hours that end before they start run overnight, and the wizard says so; the same time twice is refused at the field.
    await pickTime(page, 'window-start', '22:00');
    await pickTime(page, 'window-end', '06:00');
    expect(await page.getByTestId('window-overnight').textContent()).toBe('Envia das 22:00 até 06:00 do dia seguinte.');
    await pickTime(page, 'window-end', '22:00');
    await page.getByText('O horário começa e termina na mesma hora. Para enviar o dia todo, escolha das 00:00 até 23:59.').waitFor();
    expect(await page.getByTestId('wizard-create').isDisabled()).toBe(true);
    await settle(page);
    await page.screenshot({ path: screenshotPath('campaigns-wizard-hours-same-pt') });
    // Sending hours wide open so the test does not depend on the time of day.
    await pickTime(page, 'window-start', '00:00');
    await pickTime(page, 'window-end', '23:59');
    await page.click('[data-testid=wizard-create]');
    await page.getByText('Este número não pode ser um telefone: 12345678. Corrija no arquivo e escolha-o de novo.').waitFor();
    await settle(page);
    await page.screenshot({ path: screenshotPath('campaigns-wizard-invalid-phone-pt') });
    await page.getByRole('button', { name: 'Voltar' }).click();
    await page.getByText('Contatos com etiquetas').click();
    // The workspace's own tags are suggested as the marketer types: no tag typed from memory.
    await page.locator('[data-testid=audience-tags]').fill('clien');
    await page.getByRole('option', { name: 'clientes' }).click();
    // Who it reaches, before anything is sent: one of the 24 opted out.
    await expect.poll(() => page.getByTestId('audience-count').textContent()).toBe(`Alcança ${N - 1} pessoas · 1 pediu para não receber e fica de fora`);
    await settle(page);
    await page.screenshot({ path: screenshotPath('campaigns-wizard-audience-count-pt') });
    await page.click('[data-testid=wizard-next]');
    expect(await page.getByTestId('window-end').inputValue()).toBe('23:59');
    // Time zones are named for people, as in the business hours step.
    expect(await page.getByRole('combobox', { name: 'Fuso horário' }).inputValue()).toBe('Brasília (SP, RJ, MG, Sul, Nordeste)');
    // A time already gone would send at once: the wizard says so and will not create it.
    await page.getByText('Agendar', { exact: true }).click();
    // Times read as Portuguese writes them, whatever the browser's 12/24-hour setting.
    // Days too are typed and shown as Portuguese writes them, whatever the browser's own locale.
    await page.getByTestId('wizard-when').fill('01/01/2020');
    await page.getByTestId('wizard-when').blur();
    expect(await page.getByTestId('wizard-when').inputValue()).toBe('01/01/2020');
    expect(await page.getByTestId('wizard-when-time').inputValue()).toBe('09:00');
    await page.getByTestId('wizard-when-time').click();
    expect(await page.getByRole('option', { name: '18:30' }).count()).toBe(1);
    await page.keyboard.press('Escape');
    await page.getByText('Esse horário já passou: escolha um depois, ou envie agora.').waitFor();
    expect(await page.getByTestId('wizard-create').isDisabled()).toBe(true);
    await settle(page);
    await page.screenshot({ path: screenshotPath('campaigns-wizard-past-pt') });
    await page.getByText('Enviar agora', { exact: true }).click();
    await settle(page);
    await page.screenshot({ path: screenshotPath('campaigns-wizard-schedule-pt') });
    await page.click('[data-testid=wizard-create]');
    await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}$/);
    await page.getByText('Envia só entre 00:00 e 23:59 · Brasília (SP, RJ, MG, Sul, Nordeste)').waitFor();
    await expect.poll(() => page.getByTestId('audience-count').textContent()).toBe(`Alcança ${N - 1} pessoas · 1 pediu para não receber e fica de fora`);
    await settle(page);
    await page.screenshot({ path: screenshotPath('campaigns-draft-audience-pt') });
    // In the list, the draft says it has not gone out (its audience is read when it starts), and the
    // template reads as WhatsApp spells it.
    const draftUrl = page.url();
    await page.goto(`${p.app.url}/campaigns`);
    const draftRow = page.getByTestId('campaign-row').first();
    await draftRow.getByTestId('campaign-not-started').getByText('Ainda não enviada').waitFor();
    expect(await draftRow.locator('.mantine-Badge-root').last().evaluate((el) => getComputedStyle(el).textTransform)).toBe('none');
    await settle(page);
    await page.screenshot({ path: screenshotPath('campaigns-list-draft-pt') });
    await page.goto(draftUrl);
    // Starting asks first, with the number of people it goes to; "Agora não" sends nothing.
    await page.click('[data-testid=campaign-start]');
    await page.getByText(`Vai para ${N - 1} pessoas agora, dentro do horário de envio.`, { exact: false }).waitFor();
    await page.getByTestId('start-summary').getByText('1 pediu para não receber e fica de fora').waitFor();
    await settle(page);
    await page.screenshot({ path: screenshotPath('campaigns-start-confirm-pt') });
    await page.getByRole('button', { name: 'Agora não' }).click();
    await quietFor(page, 300);
    expect(p.wa.sends).toHaveLength(0);
    await page.click('[data-testid=campaign-start]');
    await page.getByRole('button', { name: `Enviar para ${N - 1} pessoas` }).click();

    await expect.poll(() => page.textContent('[data-testid=count-pending] >> p >> nth=0'), { timeout: 30_000 }).toBe('0');
    await expect.poll(() => page.textContent('[data-testid=count-skipped] >> p >> nth=0')).toBe('1');
    await expect.poll(() => page.textContent('[data-testid=count-failed] >> p >> nth=0'), { timeout: 15_000 }).toBe('1');
    expect((await p.wa.inbound({ waId: phone(1), name: 'João Pedro 1' }, textMessage('Quero saber mais!'))).status).toBe(200);
    // The page reads the counts every 5 s once sending is over, and a loaded machine may store the reply later.
    await expect.poll(() => page.textContent('[data-testid=count-replied] >> p >> nth=0'), { timeout: 30_000 }).toBe('1').catch(async (err) => {
      console.error('reply not counted:', JSON.stringify(await replyTrail(phone(1)), null, 1));
      throw err;
    });
    expect(await page.textContent('[data-testid=count-total] >> p >> nth=0')).toBe(String(N));
    expect(p.wa.sends).toHaveLength(N - 1);
    expect(p.wa.sendsTo(phone(2))[0]!.body.template.components[0].parameters.map((x: { text: string }) => x.text)).toEqual(['Ana Beatriz 2', 'Casa Forte']);
    await page.getByText('Pediu para não receber mensagens').waitFor();
    await page.getByTestId('status-completed').waitFor({ timeout: 15_000 }).catch((err) => {
      console.error(p.app.logs.lines.filter((l) => /campaign|error/i.test(l)).slice(-20).join('\n'));
      throw err;
    });
    await settle(page);
    await page.screenshot({ path: screenshotPath('campaigns-progress-pt'), fullPage: true });
    // On a phone the recipients table scrolls inside its card, its reasons wrapped, with a shadow where columns are hidden.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.getByTestId('recipients-scroll').evaluate((el) => el.scrollWidth > el.clientWidth && getComputedStyle(el).backgroundImage.includes('gradient'))).toBe(true);
    await settle(page);
    await page.screenshot({ path: screenshotPath('campaigns-progress-phone-pt'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });

    // Filter to the replied recipient and open their conversation.
    await page.click('[data-testid=recipient-filter]');
    await page.getByRole('option', { name: 'Respondeu' }).click();
    await eventually(async () => (await page.locator('[data-testid=recipient-row]').count()) === 1);
    await page.click('[data-testid=open-conversation]');
    await page.waitForURL(/\/inbox\/[0-9a-f-]{36}$/);
    await eventually(async () => (await bubbleTexts(page)).includes('Quero saber mais!'), 15_000);
    expect(await bubbleTexts(page)).toContain('Olá João Pedro 1! Ofertas de Natal chegaram em Boa Viagem.');
    await settle(page);
    await page.screenshot({ path: screenshotPath('campaigns-recipient-conversation-pt') });
  }, 120_000);

  it('when a marketer opens Reports, then the bots and campaigns tabs are there, and the campaign that sent compares reach, delivery, reads and replies', async () => {
    const marketer = await addMember(p.app, p.tenantId, 'Marina Alves', 'marketer');
    const { page, context } = await agentPage(browser, p, { token: marketer.token, userId: marketer.id, name: marketer.name }, { lang: 'pt-BR' });
    await page.goto(`${p.app.url}/campaigns`);
    await page.click('[data-testid=nav-reports]');
    // A marketer reads what the flows and campaigns did, not the inbox's response times (an admin's report).
    await page.getByTestId('report-bots').waitFor();
    expect(await page.getByRole('tab').allTextContents()).toEqual(['Bots', 'Campanhas']);
    await page.click('[data-testid=reports-tab-campaigns]');
    const table = page.getByTestId('campaign-results');
    await table.waitFor();
    const sent = await api(p.app, 'GET', '/v1/campaigns', undefined, p.token);
    const done = sent.body.items.find((c: { status: string; counts: { replied: number } }) => c.status === 'completed' && c.counts.replied > 0);
    const reached = N - 2;
    expect(await table.locator('tbody tr').filter({ hasText: done.name }).locator('td').allTextContents())
      .toEqual([done.name, expect.any(String), `${reached} de ${N}`, expect.stringMatching(/%$/), expect.stringMatching(/%$/), `${Math.round(100 / reached)}%`, '1']);
    expect(await page.getByTestId('results-failed').textContent()).toContain('1 não enviada');
    await settle(page);
    await page.screenshot({ path: screenshotPath('reports-campaigns-pt'), fullPage: true });
    // A period before anything was sent says so and leads to the campaigns.
    await page.getByTestId('reports-from').fill('01/01/2020');
    await page.getByTestId('reports-to').fill('31/01/2020');
    await page.getByTestId('campaign-results-empty').waitFor();
    await context.close();
  }, 60_000);

  it('when a marketer cancels a campaign waiting for its sending hours, then the app asks first and says how many will not get it', async () => {
    // Started, but its hours (in UTC) begin two hours from now: every recipient is still pending.
    const hh = (h: number) => `${String((new Date().getUTCHours() + h) % 24).padStart(2, '0')}:00`;
    const created = await api(p.app, 'POST', '/v1/campaigns', {
      name: 'Ano novo', channelId: p.channelId, audience: { tags: ['clientes'] }, timeZone: 'UTC', window: { start: hh(2), end: hh(3) },
      template: { name: 'ofertas_natal', language: 'pt_BR', parameters: { body: ['{{contact.name}}', '{{bairro}}'] }, text: 'Olá {{1}}! Ofertas de Natal chegaram em {{2}}.' },
    }, p.token);
    expect(created.status).toBe(201);
    await api(p.app, 'POST', `/v1/campaigns/${created.body.id}/start`, {}, p.token);
    const pending = await eventually(async () => (await api(p.app, 'GET', `/v1/campaigns/${created.body.id}`, undefined, p.token)).body.counts.pending || undefined);
    const { page, context } = await agentPage(browser, p, await ownerAgent(p), { lang: 'pt-BR' });
    await page.goto(`${p.app.url}/campaigns/${created.body.id}`);
    await page.click('[data-testid=campaign-cancel]');
    await page.getByText(`Os ${pending} destinatários que ainda não receberam não vão receber.`, { exact: false }).waitFor();
    await settle(page);
    await page.screenshot({ path: screenshotPath('campaigns-cancel-confirm-pt') });
    await page.getByRole('button', { name: 'Manter a campanha' }).click();
    const before = (await api(p.app, 'GET', `/v1/campaigns/${created.body.id}`, undefined, p.token)).body.status;
    expect(before).not.toBe('cancelled');
    await page.click('[data-testid=campaign-cancel]');
    await page.click('[data-testid=confirm-cancel]');
    await expect.poll(async () => (await api(p.app, 'GET', `/v1/campaigns/${created.body.id}`, undefined, p.token)).body.status).toBe('cancelled');
    await page.getByTestId('status-cancelled').waitFor();
    await context.close();
  });

  it('when a draft whose audience nobody can get is started in English, then the confirmation says so and will not send', async () => {
    const created = await api(p.app, 'POST', '/v1/campaigns', {
      name: 'Nobody', channelId: p.channelId, audience: { tags: ['nobody-has-this'] },
      template: { name: 'ofertas_natal', language: 'pt_BR', parameters: { body: ['{{contact.name}}', '{{bairro}}'] } },
    }, p.token);
    expect(created.status).toBe(201);
    const { page, context } = await agentPage(browser, p, await ownerAgent(p), { lang: 'en' });
    await page.goto(`${p.app.url}/campaigns/${created.body.id}`);
    await expect.poll(() => page.getByTestId('audience-count').textContent()).toBe('Nobody on this number matches this audience yet');
    await page.click('[data-testid=campaign-start]');
    await page.getByText('Nobody in this audience can get it: no contact matches, all of them opted out, or the message would reach them with an empty value.').waitFor();
    expect(await page.getByTestId('confirm-start').isDisabled()).toBe(true);
    expect(await page.getByTestId('confirm-start').textContent()).toBe('Nothing to send');
    await settle(page);
    await page.screenshot({ path: screenshotPath('campaigns-start-nobody-en') });
    await page.getByRole('button', { name: 'Not yet' }).click();
    expect((await api(p.app, 'GET', `/v1/campaigns/${created.body.id}`, undefined, p.token)).body.status).toBe('draft');
    expect(await page.getByTestId('recipients-empty').textContent()).toBe('Recipients are listed here once the campaign starts sending.');

    // A value no customer has ({{apelido}}, no default): the count says the send would skip them all, before it is started.
    const empty = await api(p.app, 'POST', '/v1/campaigns', {
      name: 'Nicknames', channelId: p.channelId, audience: { tags: ['clientes'] },
      template: { name: 'ofertas_natal', language: 'pt_BR', parameters: { body: ['{{contact.name}}', '{{apelido}}'] } },
    }, p.token);
    await page.goto(`${p.app.url}/campaigns/${empty.body.id}`);
    await expect.poll(() => page.getByTestId('audience-count').textContent())
      .toBe(`Reaches nobody · 1 opted out and is skipped · ${N - 1} would get an empty value and are skipped`);
    await settle(page);
    await page.screenshot({ path: screenshotPath('campaigns-draft-missing-value-en') });
    await page.click('[data-testid=campaign-start]');
    await page.getByTestId('start-summary').getByText(`${N - 1} would get an empty value and are skipped`).waitFor();
    expect(await page.getByTestId('confirm-start').isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Not yet' }).click();

    // A scheduled one says when it sends, in its own time zone (named on the line above); on a phone the counts keep apart.
    const scheduled = await api(p.app, 'POST', '/v1/campaigns', {
      name: 'Mothers day', channelId: p.channelId, audience: { tags: ['clientes'] }, timeZone: 'America/Sao_Paulo', scheduledAt: '2031-05-11T12:30:00Z',
      template: { name: 'ofertas_natal', language: 'pt_BR', parameters: { body: ['{{contact.name}}', '{{bairro}}'] } },
    }, p.token);
    expect(scheduled.body.status).toBe('scheduled');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${p.app.url}/campaigns/${scheduled.body.id}`);
    await expect.poll(() => page.getByTestId('campaign-scheduled-at').textContent()).toBe('Starts sending on May 11, 2031, 9:30 AM');
    await page.selectOption('[data-testid=lang-switch]', 'pt-BR');
    await expect.poll(() => page.getByTestId('campaign-scheduled-at').textContent()).toMatch(/^Começa a enviar em 11 de mai.* 2031.*09:30$/);
    const overflowing = await page.locator('[data-testid^=count-] p:nth-child(2)').evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth).map((e) => e.textContent));
    expect(overflowing).toEqual([]);
    await settle(page);
    await page.screenshot({ path: screenshotPath('campaigns-scheduled-phone-pt'), fullPage: true });
    // Neither the campaign nor the list is wider than the phone: their tables scroll inside.
    const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
    expect(await pageWidth()).toBeLessThanOrEqual(390);
    await page.goto(`${p.app.url}/campaigns`);
    await page.getByTestId('campaigns-table').waitFor();
    expect(await pageWidth()).toBeLessThanOrEqual(390);
    await settle(page);
    await page.screenshot({ path: screenshotPath('campaigns-list-phone-pt'), fullPage: true });
    await context.close();
  });

  it('when a campaign link leads nowhere (deleted, another workspace, not an id), then the page says so and leads back to the list', async () => {
    const { page, context } = await agentPage(browser, p, await ownerAgent(p), { lang: 'pt-BR' });
    for (const id of [randomUUID(), 'natal']) {
      await page.goto(`${p.app.url}/campaigns/${id}`);
      await page.waitForSelector('[data-testid=campaign-unavailable]');
      expect(await page.textContent('[data-testid=campaign-unavailable]')).toContain('Esta campanha não existe ou foi excluída.');
    }
    await page.screenshot({ path: screenshotPath('campaigns-missing-pt') });
    await page.getByRole('link', { name: 'Voltar às campanhas' }).click();
    await page.waitForURL(`${p.app.url}/campaigns`);
    await context.close();
  });

  it('when the audience is a CSV with names and a column, then its people are saved as contacts first and the message carries their name and column', async () => {
    const { page } = await agentPage(browser, p, await ownerAgent(p), { lang: 'pt-BR' });
    await page.goto(`${p.app.url}/campaigns`);
    await startWizard(page, 'Lista da feira');
    await page.click('[data-testid=wizard-next]');
    await page.fill('input[name=param-2]', '{{bairro}}');
    await page.click('[data-testid=wizard-next]');
    await page.getByText('Enviar um CSV').click();
    await page.locator('input[type=file]').setInputFiles({ name: 'feira.csv', mimeType: 'text/csv', buffer: Buffer.from('telefone;nome;bairro\n+55 81 99777-0001;Ana Paula;Pina\n') });
    await page.getByText('1 número lido, 0 linhas recusadas').waitFor();
    await page.getByTestId('csv-details-kept').waitFor();
    await expect.poll(() => page.getByTestId('audience-count').textContent()).toBe('Alcança 1 pessoa');
    await settle(page);
    await page.screenshot({ path: screenshotPath('campaigns-wizard-csv-details-pt') });
    await page.click('[data-testid=wizard-next]');
    await pickTime(page, 'window-start', '00:00');
    await pickTime(page, 'window-end', '23:59');
    await page.click('[data-testid=wizard-create]');
    await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    const id = page.url().split('/').pop()!;
    expect((await api(p.app, 'POST', `/v1/campaigns/${id}/start`, {}, p.token)).status).toBe(200);
    await eventually(() => p.wa.sendsTo('5581997770001').length > 0, 30_000);
    expect(p.wa.sendsTo('5581997770001')[0]!.body.template.components[0].parameters.map((x: { text: string }) => x.text)).toEqual(['Ana Paula', 'Pina']);
  });

  it('when a marketer picks a template with a header variable in pt-BR, then the wizard asks for it, previews it and WhatsApp gets the header', async () => {
    p.wa.addTemplate({
      name: 'oferta_cidade', language: 'pt_BR', status: 'APPROVED', bodyParams: 1, headerParams: 1,
      components: [
        { type: 'HEADER', format: 'TEXT', text: 'Oferta para {{1}}', example: { header_text: ['Recife'] } },
        { type: 'BODY', text: 'Olá, {{1}}! Confira as ofertas da semana.', example: { body_text: [['Ana']] } },
      ],
    });
    expect((await api(p.app, 'POST', `/v1/channels/${p.channelId}/templates/sync`, {}, p.token)).status).toBe(200);
    await addContact('5581991110001', 'Carla Mendes', 'cabecalho', { bairro: 'Pina' });
    const { page, context } = await agentPage(browser, p, await ownerAgent(p), { lang: 'pt-BR' });
    await page.goto(`${p.app.url}/campaigns`);
    await pickTemplate(page, 'Oferta na cidade', 'oferta_cidade · Português (Brasil)');
    // The approved text is shown as WhatsApp sends it, fixed; the language by its name.
    expect(await page.locator('textarea[name=template-text]').getAttribute('readonly')).not.toBeNull();
    expect(await page.getByTestId('template-language').inputValue()).toBe('Português (Brasil)');
    await settle(page);
    await page.screenshot({ path: screenshotPath('campaigns-wizard-approved-pt') });
    await page.setViewportSize({ width: 390, height: 844 });
    await settle(page);
    await page.screenshot({ path: screenshotPath('campaigns-wizard-approved-phone-pt'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.click('[data-testid=wizard-next]');
    // The header's variable is offered next to the body's, and the preview shows both as typed.
    expect(await page.getByLabel('Valor do cabeçalho').count()).toBe(1);
    expect(await page.getByTestId('wizard-next').isDisabled()).toBe(true);
    // Filled from the contact-field pickers; the preview reads it as the channel's newest contact (Carla) would.
    await page.getByTestId('pick-param-header').click();
    await page.getByRole('menuitem', { name: 'bairro' }).click();
    await page.getByTestId('pick-param-1').click();
    await page.getByRole('menuitem', { name: 'Nome do contato' }).click();
    expect(await page.inputValue('input[name=param-header]')).toBe('{{contact.bairro}}');
    expect(await page.inputValue('input[name=param-1]')).toBe('{{contact.name | "cliente"}}');
    await expect.poll(() => page.getByTestId('template-preview').textContent()).toContain('Oferta para Pina');
    expect(await page.getByTestId('template-preview').textContent()).toContain('Olá, Carla Mendes! Confira as ofertas da semana.');
    expect(await page.getByTestId('preview-sample').textContent()).toBe('Como Carla Mendes vai ler');
    await settle(page);
    await page.screenshot({ path: screenshotPath('campaigns-wizard-header-pt') });
    await page.setViewportSize({ width: 390, height: 844 });
    await settle(page);
    const overflowing = await page.locator('[data-testid=wizard-parameters]').evaluate((el) => el.scrollWidth > el.clientWidth);
    expect(overflowing).toBe(false);
    // A compact stepper: the current step named above numbered circles, nothing wider than the screen.
    expect(await page.getByTestId('wizard-step-name').textContent()).toBe('Etapa 2 de 4: Parâmetros');
    expect(await page.getByTestId('campaign-wizard').locator('.mantine-Stepper-steps').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await page.screenshot({ path: screenshotPath('campaigns-wizard-header-phone-pt') });
    await page.setViewportSize({ width: 1280, height: 800 });
    await finishWizard(page, 'cabecalho');
    const sent = await sentTemplate('5581991110001');
    expect(sent.components).toEqual([
      { type: 'header', parameters: [{ type: 'text', text: 'Pina' }] },
      { type: 'body', parameters: [{ type: 'text', text: 'Carla Mendes' }] },
    ]);
    await context.close();
  }, 90_000);

  it('when a template has a URL button with a variable (in English), then its approved text cannot be edited and the button value reaches WhatsApp', async () => {
    p.wa.addTemplate({
      name: 'black_friday', language: 'pt_BR', status: 'APPROVED', bodyParams: 1,
      components: [
        { type: 'BODY', text: 'Black Friday chegou, {{1}}. Veja os preços.', example: { body_text: [['Ana']] } },
        { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Ver ofertas', url: 'https://loja.example/bf/{{1}}', example: ['recife'] }] },
      ],
    });
    expect((await api(p.app, 'POST', `/v1/channels/${p.channelId}/templates/sync`, {}, p.token)).status).toBe(200);
    await addContact('5581991110002', 'Davi Rocha', 'botao', { bairro: 'Boa Viagem' });
    const { page, context } = await agentPage(browser, p, await ownerAgent(p), { lang: 'en' });
    await page.goto(`${p.app.url}/campaigns`);
    await pickTemplate(page, 'Black Friday', 'black_friday · Brazilian Portuguese');
    // WhatsApp sends only the approved text: it is shown, not editable.
    expect(await page.locator('textarea[name=template-text]').getAttribute('readonly')).not.toBeNull();
    await settle(page);
    await page.screenshot({ path: screenshotPath('campaigns-wizard-approved-en') });
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.getByTestId('wizard-step-name').textContent()).toBe('Step 1 of 4: Message');
    await settle(page);
    await page.screenshot({ path: screenshotPath('campaigns-wizard-approved-phone-en'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.click('[data-testid=wizard-next]');
    expect(await page.inputValue('input[name=param-1]')).toBe('{{contact.name}}');
    await page.getByLabel('Button 1: end of the address').waitFor();
    expect(await page.getByText('https://loja.example/bf/{{1}}').count()).toBe(1);
    await page.fill('input[name=param-button-1]', '{{bairro}}');
    await settle(page);
    await page.screenshot({ path: screenshotPath('campaigns-wizard-url-button-en') });
    await finishWizard(page, 'botao');
    const sent = await sentTemplate('5581991110002');
    expect(sent.components).toEqual([
      { type: 'body', parameters: [{ type: 'text', text: 'Davi Rocha' }] },
      { type: 'button', sub_type: 'url', index: 0, parameters: [{ type: 'text', text: 'Boa%20Viagem' }] },
    ]);
    await context.close();
  }, 90_000);

  it('when a marketer double-clicks the start confirmation or resumes a campaign another tab already resumed, then it goes on and no error is shown', async () => {
    // Its hours (in UTC) begin two hours from now, so it stays running while the test pauses and resumes it.
    const hh = (h: number) => `${String((new Date().getUTCHours() + h) % 24).padStart(2, '0')}:00`;
    await addContact('5581991110003', 'Eduarda Lins', 'duplo', { bairro: 'Pina' });
    await addContact('5581991110004', 'Fábio Melo', 'duplo', { bairro: 'Pina' });
    const created = await api(p.app, 'POST', '/v1/campaigns', {
      name: 'Clique duplo', channelId: p.channelId, audience: { tags: ['duplo'] }, timeZone: 'UTC', window: { start: hh(2), end: hh(3) },
      template: { name: 'ofertas_natal', language: 'pt_BR', parameters: { body: ['{{contact.name}}', '{{bairro}}'] } },
    }, p.token);
    const id = created.body.id as string;
    const { page, context } = await agentPage(browser, p, await ownerAgent(p), { lang: 'pt-BR' });
    const starts: string[] = [];
    page.on('request', (r) => r.url().endsWith('/start') && starts.push(r.method()));
    await page.goto(`${p.app.url}/campaigns/${id}`);
    await page.click('[data-testid=campaign-start]');
    // Outside its hours it does not go "now": the confirmation and then the page say when it begins.
    const begins = `Começa ${new Date().getUTCHours() + 2 >= 24 ? 'amanhã às' : 'às'} ${hh(2)}, dentro do horário de envio`;
    await page.getByTestId('start-summary').getByText(`Vai para 2 pessoas. ${begins}.`, { exact: false }).waitFor();
    await page.getByText('Iniciar “Clique duplo”?').waitFor();
    await settle(page);
    await page.screenshot({ path: screenshotPath('campaigns-start-confirm-later-pt') });
    await page.getByTestId('confirm-start').dblclick();
    // Running for the server (its audience is frozen), but nothing goes out before its hours: the badge says it waits.
    expect(await page.getByTestId('status-waiting').textContent()).toBe('Aguardando horário');
    expect((await api(p.app, 'GET', `/v1/campaigns/${id}`, undefined, p.token)).body.status).toBe('running');
    await expect.poll(() => page.getByTestId('campaign-begins').textContent()).toBe(begins);
    await quietFor(page, 600);
    expect(await page.getByText('Algo deu errado').count()).toBe(0);
    expect(starts.length).toBeGreaterThanOrEqual(1);
    await page.screenshot({ path: screenshotPath('campaigns-double-start-pt') });
    await page.selectOption('[data-testid=lang-switch]', 'en');
    await expect.poll(() => page.getByTestId('campaign-begins').textContent())
      .toBe(`Starts ${new Date().getUTCHours() + 2 >= 24 ? 'tomorrow at' : 'at'} ${hh(2)}, inside the sending hours`);
    expect(await page.getByTestId('status-waiting').textContent()).toBe('Waiting for hours');
    await settle(page);
    await page.screenshot({ path: screenshotPath('campaigns-begins-later-en') });
    await page.selectOption('[data-testid=lang-switch]', 'pt-BR');
    // Paused here, resumed in another tab: this page still offers "Retomar", and clicking it twice is no error.
    expect((await api(p.app, 'POST', `/v1/campaigns/${id}/pause`, {}, p.token)).status).toBe(200);
    await page.getByTestId('campaign-resume').waitFor({ timeout: 10_000 });
    expect((await api(p.app, 'POST', `/v1/campaigns/${id}/resume`, {}, p.token)).status).toBe(200);
    await page.getByTestId('campaign-resume').dblclick();
    await page.getByTestId('status-waiting').waitFor();
    // The list says the same.
    await page.goto(`${p.app.url}/campaigns`);
    await page.getByTestId('campaign-row').filter({ hasText: 'Clique duplo' }).getByTestId('status-waiting').waitFor();
    await quietFor(page, 600);
    expect(await page.getByText('Algo deu errado').count()).toBe(0);
    await context.close();
  }, 90_000);

  it('when a draft\'s template is not among the approved ones and its number is not verified, then the start confirmation says both, in pt-BR and English', async () => {
    await addContact('5581991110008', 'Júlia Prado', 'avisos', { bairro: 'Pina' });
    const created = await api(p.app, 'POST', '/v1/campaigns', {
      name: 'Páscoa', channelId: p.channelId, audience: { tags: ['avisos'] },
      template: { name: 'promo_pascoa', language: 'pt_BR', parameters: {}, text: 'Nossos ovos de Páscoa chegaram!' },
    }, p.token);
    const id = created.body.id as string;
    // The number's last connection test did not pass (as the channel card says "Não verificado").
    const db = new pg.Client({ connectionString: p.app.config.DATABASE_URL });
    await db.connect();
    const { rows: [was] } = await db.query(`SELECT status FROM channels WHERE id = $1`, [p.channelId]);
    await db.query(`UPDATE channels SET status = 'pending' WHERE id = $1`, [p.channelId]);
    const { page, context } = await agentPage(browser, p, await ownerAgent(p), { lang: 'pt-BR' });
    try {
      await page.goto(`${p.app.url}/campaigns/${id}`);
      await page.click('[data-testid=campaign-start]');
      const summary = page.getByTestId('start-summary');
      await summary.getByTestId('start-warning-templateUnknown').getByText('Este modelo não está entre os modelos aprovados deste canal.', { exact: false }).waitFor();
      expect(await summary.getByTestId('start-warning-channelPending').textContent()).toContain('O número “Loja WhatsApp” não está verificado');
      await settle(page);
      await page.screenshot({ path: screenshotPath('campaigns-start-warnings-pt') });
      await page.getByRole('button', { name: 'Agora não' }).click();
      await page.selectOption('[data-testid=lang-switch]', 'en');
      await page.click('[data-testid=campaign-start]');
      await summary.getByTestId('start-warning-templateUnknown').getByText('This template is not among', { exact: false }).waitFor();
      expect(await summary.getByTestId('start-warning-channelPending').textContent()).toContain('The number “Loja WhatsApp” is not verified');
      await settle(page);
      await page.screenshot({ path: screenshotPath('campaigns-start-warnings-en') });
      await page.getByRole('button', { name: 'Not yet' }).click();
      expect((await api(p.app, 'GET', `/v1/campaigns/${id}`, undefined, p.token)).body.status).toBe('draft');
    } finally {
      await db.query(`UPDATE channels SET status = $2 WHERE id = $1`, [p.channelId, was.status]);
      await db.end();
      await context.close();
    }
  }, 60_000);

  it('when a campaign is cancelled before it sent anything, then the list does not show it complete: nobody got it, all were not sent', async () => {
    await addContact('5581991110005', 'Gabriela Reis', 'lista', { bairro: 'Pina' });
    await addContact('5581991110006', 'Heitor Dias', 'lista', { bairro: 'Pina' });
    await addContact('5581991110007', 'Iara Nunes', 'lista', { bairro: 'Pina' });
    const hh = (h: number) => `${String((new Date().getUTCHours() + h) % 24).padStart(2, '0')}:00`;
    const created = await api(p.app, 'POST', '/v1/campaigns', {
      name: 'Cancelada cedo', channelId: p.channelId, audience: { tags: ['lista'] }, timeZone: 'UTC', window: { start: hh(2), end: hh(3) },
      template: { name: 'ofertas_natal', language: 'pt_BR', parameters: { body: ['{{contact.name}}', '{{bairro}}'] } },
    }, p.token);
    const id = created.body.id as string;
    expect((await api(p.app, 'POST', `/v1/campaigns/${id}/start`, {}, p.token)).status).toBe(200);
    expect((await api(p.app, 'POST', `/v1/campaigns/${id}/cancel`, {}, p.token)).status).toBe(200);
    const { page, context } = await agentPage(browser, p, await ownerAgent(p), { lang: 'pt-BR' });
    await page.goto(`${p.app.url}/campaigns`);
    const row = page.getByTestId('campaign-row').filter({ hasText: 'Cancelada cedo' });
    await expect.poll(() => row.getByTestId('campaign-progress-text').textContent()).toBe('0 de 3 enviadas · 3 não enviadas');
    expect(await row.getByTestId('bar-reached').count()).toBe(0);
    expect(await row.getByTestId('bar-skipped').count()).toBe(1);
    await settle(page);
    await page.screenshot({ path: screenshotPath('campaigns-list-cancelled-pt') });
    await page.selectOption('[data-testid=lang-switch]', 'en');
    await expect.poll(() => row.getByTestId('campaign-progress-text').textContent()).toBe('0 of 3 sent · 3 not sent');
    await settle(page);
    await page.screenshot({ path: screenshotPath('campaigns-list-cancelled-en') });
    await context.close();
  }, 60_000);
});

async function addContact(phoneNumber: string, name: string, tag: string, attributes: Record<string, string>): Promise<void> {
  const db = new pg.Client({ connectionString: p.app.config.DATABASE_URL });
  await db.connect();
  try {
    await db.query(
      `INSERT INTO contacts (tenant_id, channel_id, external_id, phone, name, tags, attributes) VALUES ($1, $2, $3, $3, $4, $5, $6)`,
      [p.tenantId, p.channelId, phoneNumber, name, [tag], attributes],
    );
  } finally {
    await db.end();
  }
}

/** Opens the wizard, names the campaign and picks one of the channel's approved templates from the list. */
async function pickTemplate(page: Page, name: string, option: string): Promise<void> {
  await page.click('[data-testid=new-campaign]');
  await page.waitForSelector('input[name=campaign-name]');
  await page.fill('input[name=campaign-name]', name);
  // The workspace's one WhatsApp number is chosen already.
  await expect.poll(() => page.getByTestId('campaign-channel').inputValue()).toBe('Loja WhatsApp');
  await page.click('[data-testid=campaign-template]');
  await page.getByRole('option', { name: option }).click();
}

/** From the parameters step: the audience by tag, sending hours wide open, create (and, when asked, start). */
async function finishWizard(page: Page, tag: string, start = true): Promise<void> {
  await page.click('[data-testid=wizard-next]');
  await page.locator('[data-testid=audience-tags]').fill(tag);
  await page.keyboard.press('Enter');
  await page.click('[data-testid=wizard-next]');
  await pickTime(page, 'window-start', '00:00');
  await pickTime(page, 'window-end', '23:59');
  await page.click('[data-testid=wizard-create]');
  if (start) await startCreated(page);
}

async function startCreated(page: Page): Promise<void> {
  await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  const id = page.url().split('/').pop()!;
  expect((await api(p.app, 'POST', `/v1/campaigns/${id}/start`, {}, p.token)).status).toBe(200);
}

async function sentTemplate(to: string): Promise<{ name: string; components: unknown[] }> {
  await eventually(() => p.wa.sendsTo(to).length > 0, 30_000);
  return p.wa.sendsTo(to)[0]!.body.template;
}
