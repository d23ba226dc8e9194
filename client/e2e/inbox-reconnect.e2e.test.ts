// Realtime that never silently drops: agent A's live connection is cut for 30 s while the customer
// sends five messages; once it is back, the five show in order, caught up from the event log, with
// no page reload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, WebSocketRoute } from 'playwright-core';
import { edge, flow, keywordTrigger, node } from '../../server/test/flow-docs';
import { api } from '../../server/test/harness';
import { textMessage } from '../../server/test/fakes/whatsapp-payloads';
import { eventually, sentTexts, startPipeline, type Pipeline } from '../../server/test/pipeline';
import { launchBrowser, screenshotPath } from './browser';
import { startAppWithClient } from './builder-page';
import { agentPage, bubbleTexts, ownerAgent } from './inbox-page';

let p: Pipeline;
let browser: Browser;
const customer = { waId: '5511987003344', name: 'Seu Jorge' };

beforeAll(async () => {
  p = await startPipeline({}, { appStarter: startAppWithClient });
  browser = await launchBrowser();
  await p.publish(flow([keywordTrigger('ajuda'), node('human', 'transfer', { message: 'Já chamo alguém!' })], [edge('start', 'next', 'human')]), 'Atendimento');
});
afterAll(async () => {
  await browser?.close();
  await p?.close();
});

describe('inbox reconnect', () => {
  it('when the live connection is cut for 30 s while five messages arrive, then all five show in order after it comes back, without a reload', async () => {
    const ana = await ownerAgent(p);
    await p.wa.inbound(customer, textMessage('ajuda'));
    await eventually(() => sentTexts(p.wa, customer.waId).length === 1);
    const list = await api(p.app, 'GET', '/v1/conversations?status=waiting', undefined, p.token);
    const id = list.body.items[0].id as string;
    expect((await api(p.app, 'POST', `/v1/conversations/${id}/assign`, { assigneeId: ana.userId }, p.token)).status).toBe(200);

    const { context, page } = await agentPage(browser, p, ana, { lang: 'pt-BR' });
    // Every socket of this context goes through here, so the test can cut them and refuse new ones.
    const open: WebSocketRoute[] = [];
    let cut = false;
    await context.routeWebSocket(/\/socket\.io\//, (ws) => {
      if (cut) return void ws.close({ code: 4000, reason: 'offline' });
      ws.connectToServer();
      open.push(ws);
    });
    // The missed events come from the event log (GET /v1/events?after=…), not from re-reading the page.
    const eventReads: number[] = [];
    page.on('response', (res) => res.url().includes('/v1/events?after=') && eventReads.push(res.status()));
    await page.goto(`${p.app.url}/inbox/${id}`);
    await page.waitForSelector('[data-testid=composer-input]');
    await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));

    // A first live message, so the page knows where the event log stands.
    await p.wa.inbound(customer, textMessage('oi, tem alguém aí?'));
    await expect.poll(() => bubbleTexts(page), { timeout: 10_000 }).toContain('oi, tem alguém aí?');

    cut = true;
    await context.setOffline(true);
    await Promise.all(open.splice(0).map((ws) => ws.close({ code: 4000, reason: 'offline' })));
    await page.waitForSelector('[data-testid=reconnecting]');
    await page.screenshot({ path: screenshotPath('inbox-reconnecting-pt-BR') });

    const five = ['mensagem 1', 'mensagem 2', 'mensagem 3', 'mensagem 4', 'mensagem 5'];
    const started = Date.now();
    for (const text of five) {
      await p.wa.inbound(customer, textMessage(text));
      await new Promise((r) => setTimeout(r, 4000));
    }
    await new Promise((r) => setTimeout(r, Math.max(0, 30_000 - (Date.now() - started))));
    expect(await bubbleTexts(page)).not.toContain('mensagem 1');

    cut = false;
    await context.setOffline(false);
    await expect.poll(async () => (await bubbleTexts(page)).filter((t) => t.startsWith('mensagem ')), { timeout: 30_000 }).toEqual(five);
    await page.waitForSelector('[data-testid=reconnecting]', { state: 'detached' });
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');
    expect(eventReads).toContain(200);
    const texts = await bubbleTexts(page);
    expect(texts.slice(texts.indexOf('oi, tem alguém aí?'))).toEqual(['oi, tem alguém aí?', ...five]);
    await page.screenshot({ path: screenshotPath('inbox-reconnected-pt-BR') });
    await context.close();
  });

  it('when a reply fails offline and the agent reloads, then the reply is still there with its retry, and the retry sends it once', async () => {
    const rita = { waId: '5511987003355', name: 'Rita' };
    const ana = await ownerAgent(p);
    await p.wa.inbound(rita, textMessage('ajuda'));
    await eventually(() => sentTexts(p.wa, rita.waId).length === 1);
    const id = await eventually(async () => {
      const list = await api(p.app, 'GET', '/v1/conversations?status=waiting', undefined, p.token);
      return list.body.items.find((c: { contact: { phone: string } }) => c.contact.phone === rita.waId)?.id as string | undefined;
    });
    const { context, page } = await agentPage(browser, p, ana, { lang: 'pt-BR' });
    await page.goto(`${p.app.url}/inbox/${id}`);
    await page.waitForSelector('[data-testid=composer-input]');
    await context.setOffline(true);
    await page.fill('[data-testid=composer-input]', 'Oi Rita, já vou ver seu pedido');
    await page.keyboard.press('Enter');
    await page.getByTestId('message-failure').waitFor();
    await context.setOffline(false);
    await page.reload();
    const failure = page.getByTestId('message-failure');
    await failure.waitFor();
    expect(await bubbleTexts(page)).toContain('Oi Rita, já vou ver seu pedido');
    await page.screenshot({ path: screenshotPath('inbox-unsent-after-reload-pt-BR') });
    await failure.getByRole('button', { name: 'Tentar de novo' }).click();
    await eventually(() => sentTexts(p.wa, rita.waId).includes('Oi Rita, já vou ver seu pedido'));
    await failure.waitFor({ state: 'detached' });
    // Sent, it is no longer kept: another reload shows it once, as the server has it.
    await page.reload();
    await expect.poll(async () => (await bubbleTexts(page)).filter((t) => t === 'Oi Rita, já vou ver seu pedido')).toHaveLength(1);
    expect(await page.getByTestId('message-failure').count()).toBe(0);
    expect(sentTexts(p.wa, rita.waId).filter((t) => t === 'Oi Rita, já vou ver seu pedido')).toHaveLength(1);
    await context.close();
  }, 120_000);
});
