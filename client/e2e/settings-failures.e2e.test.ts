// The dead-letter view: an owner sees an event the pipeline set aside, with its reason, and
// retries it; the event goes back to the pipeline and leaves the list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import pg from 'pg';
import { api, type TestApp } from '../../server/test/harness';
import { screenshotPath } from './browser';
import { closeBuilderSuite, openBuilderSuite, signedInPage } from './builder-page';

let app: TestApp;
let browser: Browser;
let token: string;

beforeAll(async () => {
  ({ app, browser, token } = await openBuilderSuite('Padaria'));
});
afterAll(() => closeBuilderSuite({ app, browser }));

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
});
