// The dead-letter view: an owner sees an event the pipeline set aside, with its reason, and
// retries it; the event goes back to the pipeline and leaves the list.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import pg from 'pg';
import { api, type TestApp } from '../../server/test/harness';
import { screenshotPath } from './browser';
import { signedInPage } from './builder-page';
import { startSignedUpSuite } from './suites';

let app: TestApp;
let browser: Browser;
let token: string;

startSignedUpSuite('Padaria', (s) => ({ app, browser, token } = s));

describe('settings: failures', () => {
  it('when an event was set aside, then an owner sees why and retrying it sends it back to the pipeline', async () => {
    const channel = await api(app, 'POST', '/v1/channels', { type: 'webchat', name: 'Site' }, token);
    expect(channel.status).toBe(201);
    const db = new pg.Client({ connectionString: app.config.DATABASE_URL });
    await db.connect();
    try {
      const [{ tenant_id: tenantId }] = (await db.query('SELECT tenant_id FROM channels WHERE id = $1', [channel.body.id])).rows;
      const payload = { conversationId: '00000000-0000-4000-8000-000000000001', event: { type: 'timer_fired', token: 'lembrete-1' } };
      const [{ id }] = (await db.query(
        `INSERT INTO inbound_events (tenant_id, channel_id, provider_event_id, kind, conversation_key, payload, status, error, attempts, processed_at)
         VALUES ($1, $2, 'timer:lembrete-1', 'timer', $3, $4, 'failed', 'connect ECONNREFUSED crm.padaria.example:443', 3, now()) RETURNING id`,
        [tenantId, channel.body.id, `${channel.body.id}:visitante-7`, JSON.stringify(payload)],
      )).rows;

      const page = await signedInPage(browser, app, token, 'pt-BR');
      await page.goto(`${app.url}/settings?tab=failures`);
      await expect.poll(() => page.locator('[data-testid=failed-event]').count()).toBe(1);
      expect(await page.textContent('[data-testid=failure-reason]')).toBe('connect ECONNREFUSED crm.padaria.example:443');
      expect(await page.textContent('[data-testid=failures]')).toContain('Eventos separados');
      await page.screenshot({ path: screenshotPath('settings-failures-pt-BR') });

      await page.click('[data-testid=retry-event]');
      await expect.poll(() => page.locator('[data-testid=failures-empty]').count()).toBe(1);
      // Back in the pipeline: no longer failed (processed by now, or about to be).
      await expect.poll(async () => (await db.query('SELECT status FROM inbound_events WHERE id = $1', [id])).rows[0].status).toBe('processed');
      await page.screenshot({ path: screenshotPath('settings-failures-retried-pt-BR') });
    } finally {
      await db.end();
    }
  });

  it('when sends to customers failed, then each names its customer and opens its chat, and one confirmed "retry all" sends them all again', async () => {
    const channel = await api(app, 'POST', '/v1/channels', { type: 'webchat', name: 'Loja' }, token);
    const db = new pg.Client({ connectionString: app.config.DATABASE_URL });
    await db.connect();
    try {
      const [{ tenant_id: tenantId }] = (await db.query('SELECT tenant_id FROM channels WHERE id = $1', [channel.body.id])).rows;
      const failedTo = async (visitor: string, name: string, text: string) => {
        const [contact] = (await db.query('INSERT INTO contacts (tenant_id, channel_id, external_id, name) VALUES ($1, $2, $3, $4) RETURNING id', [tenantId, channel.body.id, visitor, name])).rows;
        const [conversation] = (await db.query("INSERT INTO conversations (tenant_id, channel_id, contact_id, status) VALUES ($1, $2, $3, 'human') RETURNING id", [tenantId, channel.body.id, contact.id])).rows;
        const [message] = (await db.query(
          `INSERT INTO messages (tenant_id, conversation_id, channel_id, direction, author, text, status, error, attempts)
           VALUES ($1, $2, $3, 'out', 'agent', $4, 'failed', 'send_failed: 401 Invalid OAuth access token', 5) RETURNING id`,
          [tenantId, conversation.id, channel.body.id, text])).rows;
        return { conversationId: conversation.id as string, messageId: message.id as string };
      };
      const ana = await failedTo('visitante-21', 'Ana Souza', 'Seu pedido saiu para entrega');
      const bia = await failedTo('visitante-22', 'Bia Lima', 'Temos o bolo de cenoura hoje');

      // English on a phone, Portuguese on a desktop.
      for (const lang of ['en', 'pt-BR'] as const) {
        const page = await signedInPage(browser, app, token, lang, lang === 'en');
        await page.goto(`${app.url}/settings?tab=failures`);
        await expect.poll(() => page.locator('[data-testid=failed-message]').count()).toBe(2);
        const whoTexts = await page.locator('[data-testid=failed-message] [data-testid=failure-who]').allTextContents();
        expect(whoTexts.sort()).toEqual(['Ana Souza', 'Bia Lima']);
        expect(await page.textContent('[data-testid=retry-all]')).toBe(lang === 'en' ? 'Retry all (2)' : 'Tentar tudo de novo (2)');
        expect(await page.textContent('[data-testid=failures]')).toContain(lang === 'en' ? 'Messages not sent (2)' : 'Mensagens não enviadas (2)');
        expect(await page.textContent('[data-testid=failures]')).toContain(lang === 'en' ? 'after 5 attempts' : 'após 5 tentativas');
        await page.screenshot({ path: screenshotPath(`settings-failures-messages-${lang === 'en' ? 'phone-en' : 'pt-BR'}`), fullPage: true });
        if (lang === 'en') {
          // On a phone the retry keeps its word whole beside a long reason.
          const retry = page.locator('[data-testid=retry-message]').first();
          expect(await retry.evaluate((b) => [b, ...b.querySelectorAll('*')].every((el) => el.scrollWidth <= el.clientWidth))).toBe(true);
          // The chat opens from its failure, to see what the customer was told before.
          await page.locator('[data-testid=failed-message]', { hasText: 'Ana Souza' }).locator('[data-testid=failure-open-chat]').click();
          await page.waitForURL(`**/inbox/${ana.conversationId}`);
          await page.close();
          continue;
        }
        await page.click('[data-testid=retry-all]');
        await page.waitForSelector('[data-testid=retry-all-body]');
        expect(await page.textContent('[data-testid=retry-all-body]')).toContain('Mensagens a reenviar aos clientes: 2. Eventos a processar de novo: 0.');
        await page.screenshot({ path: screenshotPath('settings-failures-retry-all-pt-BR') });
        // Cancelled, nothing moves.
        await page.keyboard.press('Escape');
        await expect.poll(() => page.locator('[data-testid=retry-all-body]').count()).toBe(0);
        expect((await db.query("SELECT count(*)::int AS n FROM messages WHERE id = ANY($1) AND status = 'failed'", [[ana.messageId, bia.messageId]])).rows[0].n).toBe(2);
        // Confirmed with Enter: the focus starts on the confirm button.
        await page.click('[data-testid=retry-all]');
        await page.waitForSelector('[data-testid=confirm-retry-all]');
        await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('confirm-retry-all');
        await page.keyboard.press('Enter');
        await expect.poll(() => page.locator('[data-testid=failures-empty]').count()).toBe(1);
        await expect.poll(async () => (await db.query('SELECT status FROM messages WHERE id = ANY($1) ORDER BY status', [[ana.messageId, bia.messageId]])).rows.map((r) => r.status)).toEqual(['sent', 'sent']);
        await page.close();
      }
    } finally {
      await db.end();
    }
  });

  it('when a webhook endpoint was turned off for failing, then Failures says so beside "nothing failed" and leads to its log', async () => {
    const endpoint = await api(app, 'POST', '/v1/webhook-endpoints', { url: 'https://erp.padaria.example/zyntra', events: ['message.received'] }, token);
    expect(endpoint.status).toBe(201);
    const db = new pg.Client({ connectionString: app.config.DATABASE_URL });
    await db.connect();
    try {
      await db.query("UPDATE webhooks SET active = false, disabled_at = now(), disabled_reason = 'failing' WHERE id = $1", [endpoint.body.id]);
    } finally {
      await db.end();
    }
    const page = await signedInPage(browser, app, token, 'pt-BR');
    await page.goto(`${app.url}/settings?tab=failures`);
    await page.waitForSelector('[data-testid=failing-endpoints]');
    expect(await page.textContent('[data-testid=failing-endpoints]')).toContain('Um endpoint de webhook está falhando');
    expect(await page.textContent('[data-testid=failing-endpoint]')).toMatch(/^https:\/\/erp\.padaria\.example\/zyntra · Desativado: falhando há um dia \(.+\)$/);
    await page.screenshot({ path: screenshotPath('settings-failures-webhook-pt-BR') });
    await page.click('[data-testid=failing-endpoints-open]');
    await page.waitForURL('**/settings?tab=webhooks');
    await page.close();
    await api(app, 'DELETE', `/v1/webhook-endpoints/${endpoint.body.id}`, undefined, token);
  });
});
