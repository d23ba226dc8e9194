// A WhatsApp thread with more than text reads naturally in pt-BR: a reaction sits on the message it
// reacts to, a location and a contact card show what they are, an edited message says so and a
// deleted one shows only that it was deleted. The list preview reads the same words. An agent's
// pasted screenshot or dropped file is shown for a yes before it goes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { envelope, metaJson, signMeta, textMessage } from '../../server/test/fakes/whatsapp-payloads';
import { phoneNumberIdFor } from '../../server/test/fakes/fake-whatsapp';
import { APP_SECRET } from '../../server/test/pipeline';
import { eventually, startPipeline, type Pipeline } from '../../server/test/pipeline';
import pg from 'pg';
import { launchBrowser, screenshotPath } from './browser';
import { startAppWithClient } from './builder-page';
import { agentPage, ownerAgent, row, quietFor, settle } from './inbox-page';

let p: Pipeline;
let browser: Browser;
let db: pg.Client;
const customer = { waId: '5511987003344', name: 'Joana Lima' };

beforeAll(async () => {
  p = await startPipeline({}, { appStarter: startAppWithClient });
  browser = await launchBrowser();
  db = new pg.Client({ connectionString: p.app.config.DATABASE_URL });
  await db.connect();
});
afterAll(async () => {
  await db?.end();
  await browser?.close();
  await p?.close();
});

const stored = (pid: string) => eventually(async () => (await db.query('SELECT * FROM messages WHERE provider_message_id = $1', [pid])).rows[0]);

describe('inbox thread content', () => {
  it('when a thread has a reaction, a location, a contact card, an edited and a deleted message, then it reads naturally in pt-BR', async () => {
    await p.wa.inbound(customer, textMessage('Vi em loja.com.br/natal, dúvidas: ana@loja.com.br'));
    const price = await p.wa.inbound(customer, textMessage('Qual o preço?'));
    await stored(price.id);
    await p.wa.inbound(customer, { type: 'reaction', reaction: { message_id: price.id, emoji: '👍' } });
    await p.wa.inbound(customer, { type: 'location', location: { latitude: -23.5614, longitude: -46.6559, name: 'Escritório', address: 'Av. Paulista, 1000' } });
    await p.wa.inbound(customer, {
      type: 'contacts',
      contacts: [{ name: { formatted_name: 'Maria Souza', first_name: 'Maria' }, org: { company: 'Loja X' }, phones: [{ phone: '+55 11 97777-6666', wa_id: '5511977776666', type: 'CELL' }] }],
    });
    const wrong = await p.wa.inbound(customer, textMessage('Quero 2 unidades'));
    await stored(wrong.id);
    await p.wa.inbound(customer, { type: 'edit', edit: { original_message_id: wrong.id, message: { type: 'text', text: { body: 'Quero 3 unidades' } } } });
    const oops = await p.wa.inbound(customer, textMessage('mandei para a pessoa errada'));
    await stored(oops.id);
    await p.wa.inbound(customer, { type: 'revoke', revoke: { original_message_id: oops.id } });
    const deleted = await eventually(async () => (await stored(oops.id)).deleted_at && (await stored(oops.id)));

    const { page } = await agentPage(browser, p, await ownerAgent(p), { lang: 'pt-BR' });
    await page.goto(`${p.app.url}/inbox`);
    // No flow answers here, so the conversation sits in the bot's folder.
    await page.click('[data-testid=folder-bot]');
    await row(page, deleted.conversation_id).waitFor({ timeout: 15_000 });
    expect(await row(page, deleted.conversation_id).textContent()).toContain('Mensagem apagada');
    await row(page, deleted.conversation_id).click();
    await page.waitForSelector('[data-testid=message-deleted]');
    expect(await page.textContent('[data-testid=message-reactions]')).toBe('👍');
    const reacted = page.locator('[data-testid=message]', { has: page.locator('[data-testid=message-reactions]') });
    expect(await reacted.locator('[data-testid=message-text]').textContent()).toBe('Qual o preço?');
    // Addresses and e-mails a customer writes open from the bubble.
    const linked = page.locator('[data-testid=message-text]', { hasText: 'loja.com.br/natal' }).locator('a');
    expect(await linked.evaluateAll((as: HTMLAnchorElement[]) => as.map((a) => [a.textContent, a.href, a.target]))).toEqual([
      ['loja.com.br/natal', 'https://loja.com.br/natal', '_blank'],
      ['ana@loja.com.br', 'mailto:ana@loja.com.br', '_blank'],
    ]);
    expect(await page.textContent('[data-testid=message-location]')).toContain('Escritório, Av. Paulista, 1000');
    expect(await page.textContent('[data-testid=message-contacts]')).toContain('Maria Souza');
    const edited = page.locator('[data-testid=message]', { has: page.locator('[data-testid=message-edited]') });
    expect(await edited.locator('[data-testid=message-text]').textContent()).toBe('Quero 3 unidades');
    expect(await edited.locator('[data-testid=message-edited]').textContent()).toBe('editada');
    expect(await page.textContent('[data-testid=message-deleted]')).toContain('Mensagem apagada');
    expect(await page.locator('[data-testid=message-text]', { hasText: 'pessoa errada' }).count()).toBe(0);
    // The reaction is shown on its target, not as a message of its own.
    expect(await page.locator('[data-testid=message-text]', { hasText: 'Reagiu' }).count()).toBe(0);
    await settle(page);
    await page.screenshot({ path: screenshotPath('inbox-content-pt-BR') });
  }, 90_000);

  it('when a thread is longer than a page, then scrolling up on a phone brings the older messages in, where the agent was reading', async () => {
    const long = { waId: '5511987003399', name: 'Rita Long' };
    const first = await p.wa.inbound(long, textMessage('Mensagem mais recente'));
    const { conversation_id: id, tenant_id: tenant, channel_id: channel } = await stored(first.id);
    // 70 earlier messages, a minute apart (a page is 50).
    await db.query(
      `INSERT INTO messages (tenant_id, conversation_id, channel_id, direction, author, type, text, status, created_at)
       SELECT $1, $2, $3, 'in', 'contact', 'text', 'Mensagem número ' || n, 'received', now() - (71 - n) * interval '1 minute'
       FROM generate_series(1, 70) AS n`,
      [tenant, id, channel],
    );
    const { context, page } = await agentPage(browser, p, await ownerAgent(p), { lang: 'pt-BR', width: 390, height: 844 });
    await page.goto(`${p.app.url}/inbox/${id}`);
    const list = page.getByTestId('thread-messages');
    await list.getByText('Mensagem mais recente').waitFor();
    expect(await list.getByText('Mensagem número 1', { exact: true }).count()).toBe(0);
    // The button at the top is a button a thumb can hit, not squeezed flat by the list.
    const older = page.getByTestId('thread-older');
    expect(await older.evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThanOrEqual(20);
    // Scrolled to the top, the older page comes in above, and what was on screen stays there.
    await list.evaluate((el) => void (el.scrollTop = 0));
    await list.getByText('Mensagem número 1', { exact: true }).waitFor({ timeout: 10_000 });
    await expect.poll(() => older.count()).toBe(0);
    expect(await list.locator('[data-testid=message]').count()).toBe(71);
    const top = await list.evaluate((el) => el.scrollTop);
    expect(top).toBeGreaterThan(500);
    await settle(page);
    await page.screenshot({ path: screenshotPath('inbox-thread-older-loaded-pt-BR') });
    await context.close();
  });

  it('when an agent pastes a screenshot, drops a PDF on the composer or picks a photo on a phone, then it asks first with a preview and a caption box, and sends only what the agent confirms', async () => {
    const buyer = { waId: '5511987005566', name: 'Rita Alves' };
    const asked = await p.wa.inbound(buyer, textMessage('Pode mandar a foto do bolo?'));
    const conversationId = (await stored(asked.id)).conversation_id as string;
    const { page } = await agentPage(browser, p, await ownerAgent(p), { lang: 'pt-BR' });
    await page.goto(`${p.app.url}/inbox/${conversationId}`);
    await page.waitForSelector('[data-testid=composer-input]:not([disabled])');
    const photo = [...(await page.screenshot({ clip: { x: 0, y: 0, width: 240, height: 160 } }))];
    const paste = () =>
      page.locator('[data-testid=composer-input]').evaluate((el, bytes) => {
        const clipboard = new DataTransfer();
        clipboard.items.add(new File([new Uint8Array(bytes)], 'print.png', { type: 'image/png' }));
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: clipboard, bubbles: true, cancelable: true }));
      }, photo);
    const sentMedia = () => p.wa.sendsTo(buyer.waId).filter((x) => x.body.type !== 'text');

    // A stray paste is only a question: cancelling sends nothing.
    await paste();
    await page.getByText('Enviar para Rita Alves?').waitFor();
    await expect.poll(() => page.getByTestId('attachment-preview').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(10);
    await settle(page);
    await page.screenshot({ path: screenshotPath('inbox-paste-confirm-pt-BR') });
    await page.getByRole('button', { name: 'Cancelar' }).click();
    await quietFor(page, 500);
    expect(sentMedia()).toHaveLength(0);

    // The picture goes with a caption, which WhatsApp shows under it. On a slow line its bubble says it is uploading.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/v1/media', async (route) => {
      await held;
      await route.continue();
    });
    await paste();
    await page.getByTestId('attachment-caption').fill('Bolo de pote de hoje');
    await page.getByTestId('attachment-send').click();
    const uploading = page.locator('[data-testid=message]', { has: page.getByTestId('message-uploading') });
    await uploading.waitFor();
    expect(await uploading.textContent()).toContain('Enviando o arquivo…');
    expect(await uploading.textContent()).toContain('print.png');
    await page.screenshot({ path: screenshotPath('inbox-uploading-pt-BR') });
    release();
    await eventually(() => sentMedia().length === 1, 15_000);
    await page.unroute('**/v1/media');
    await expect.poll(() => page.getByTestId('message-uploading').count()).toBe(0);
    expect(sentMedia()[0]!.body).toMatchObject({ type: 'image', image: { caption: 'Bolo de pote de hoje' } });

    // A PDF dragged from the desktop onto the composer, in English this time.
    const en = await agentPage(browser, p, await ownerAgent(p), { lang: 'en' });
    await en.page.goto(`${p.app.url}/inbox/${conversationId}`);
    await en.page.waitForSelector('[data-testid=composer-input]:not([disabled])');
    await en.page.getByTestId('composer').evaluate((el) => {
      const files = new DataTransfer();
      files.items.add(new File(['%PDF-1.4\n%%EOF\n'], 'orcamento.pdf', { type: 'application/pdf' }));
      el.dispatchEvent(new DragEvent('dragover', { dataTransfer: files, bubbles: true, cancelable: true }));
      el.dispatchEvent(new DragEvent('drop', { dataTransfer: files, bubbles: true, cancelable: true }));
    });
    await en.page.getByText('Send to Rita Alves?').waitFor();
    expect(await en.page.getByTestId('confirm-attachment').textContent()).toContain('orcamento.pdf');
    // Its 15 bytes are counted as such, not rounded up to "1 KB".
    expect(await en.page.getByTestId('confirm-attachment').textContent()).toContain('15 bytes');
    await settle(en.page);
    await en.page.screenshot({ path: screenshotPath('inbox-drop-confirm-en') });
    // Enter in the caption box sends, as Enter does in the reply box.
    await en.page.getByTestId('attachment-caption').press('Enter');
    await eventually(() => sentMedia().length === 2, 15_000);
    expect(sentMedia()[1]!.body).toMatchObject({ type: 'document', document: { filename: 'orcamento.pdf' } });
    expect(sentMedia()[1]!.body.document.caption).toBeUndefined();

    // On a phone the clip picks the file; the same confirmation fits the screen, its buttons in reach.
    const phone = await agentPage(browser, p, await ownerAgent(p), { lang: 'pt-BR', width: 390, height: 844 });
    await phone.page.goto(`${p.app.url}/inbox/${conversationId}`);
    await phone.page.waitForSelector('[data-testid=composer-input]:not([disabled])');
    await phone.page.locator('input[type=file]').setInputFiles({ name: 'bolo.png', mimeType: 'image/png', buffer: Buffer.from(photo) });
    await phone.page.getByText('Enviar para Rita Alves?').waitFor();
    await expect.poll(() => phone.page.getByTestId('attachment-preview').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(10);
    await settle(phone.page);
    for (const part of ['confirm-attachment', 'attachment-caption', 'attachment-send']) {
      const box = (await phone.page.getByTestId(part).boundingBox())!;
      expect(box.x, part).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, part).toBeLessThanOrEqual(390);
      expect(box.y + box.height, part).toBeLessThanOrEqual(844);
    }
    await phone.page.getByTestId('attachment-caption').fill('Fatia de hoje');
    await phone.page.screenshot({ path: screenshotPath('inbox-attach-confirm-phone-pt-BR') });
    await phone.page.getByTestId('attachment-send').tap();
    await eventually(() => sentMedia().length === 3, 15_000);
    expect(sentMedia()[2]!.body).toMatchObject({ type: 'image', image: { caption: 'Fatia de hoje' } });
    // The photo appears in the thread and, once loaded, the newest line is still in view (it grew the thread after the scroll).
    const thread = phone.page.getByTestId('thread-messages');
    await expect.poll(() => thread.locator('img').last().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 15_000 }).toBeGreaterThan(10);
    await expect.poll(() => thread.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight)).toBeLessThan(2);
    await settle(phone.page);
    await phone.page.screenshot({ path: screenshotPath('inbox-photo-sent-phone-pt-BR') });
  }, 120_000);

  it('when WhatsApp restricts the number, then Settings → Channels shows it as the channel health line in pt-BR, with the messaging limit', async () => {
    const quality = envelope(phoneNumberIdFor, { display_phone_number: '15550000000', event: 'UPGRADE', current_limit: 'TIER_10K' });
    quality.entry[0]!.changes[0]!.field = 'phone_number_quality_update';
    const qualityRaw = metaJson(quality);
    expect(await p.wa.postRaw(qualityRaw, signMeta(qualityRaw, APP_SECRET))).toBe(200);
    const body = envelope(phoneNumberIdFor, { phone_number: '15550000000', event: 'ACCOUNT_RESTRICTION', restriction_info: [{ restriction_type: 'RESTRICTED_BIZ_INITIATED_MESSAGING' }] });
    body.entry[0]!.changes[0]!.field = 'account_update';
    const raw = metaJson(body);
    expect(await p.wa.postRaw(raw, signMeta(raw, APP_SECRET))).toBe(200);
    const { page } = await agentPage(browser, p, await ownerAgent(p), { lang: 'pt-BR' });
    await page.goto(`${p.app.url}/settings`);
    await page.click('[data-testid=settings-tab-channels]');
    const line = page.locator(`[data-testid=channel-row-${p.channelId}] [data-testid=channel-health]`);
    await line.waitFor();
    expect(await line.getAttribute('data-severity')).toBe('critical');
    expect(await line.textContent()).toContain('O WhatsApp restringiu este número: ACCOUNT_RESTRICTION: RESTRICTED_BIZ_INITIATED_MESSAGING');
    expect(await page.locator(`[data-testid=channel-row-${p.channelId}] [data-testid=channel-messaging-limit]`).textContent())
      .toBe('Limite de mensagens: 10.000 pessoas por dia fora da janela de 24 horas');
    await settle(page);
    await page.screenshot({ path: screenshotPath('settings-channel-health-pt-BR') });
  }, 60_000);
});
