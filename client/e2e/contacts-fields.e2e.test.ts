// The contact fields of a workspace on the contacts page, in pt-BR and en: a misspelt "cidadee" that
// a flow reads is renamed into "Cidade" (the dialog says the values merge and names the flow; a
// contact that had both keeps its "Cidade"), a field's letter case changed, and a field deleted
// after a dialog saying how many contacts lose it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import pg from 'pg';
import { edge, flow, keywordTrigger, node } from '../../server/test/flow-docs';
import { startPipeline, type Pipeline } from '../../server/test/pipeline';
import { launchBrowser, screenshotPath } from './browser';
import { signedInPage, startAppWithClient } from './builder-page';
import { settle } from './inbox-page';

let p: Pipeline;
let browser: Browser;
let db: pg.Client;

const CONTACTS: Array<[string, Record<string, string>]> = [
  ['5511450000001', { cidadee: 'Recife', Plano: 'ouro' }],
  ['5511450000002', { cidadee: 'Olinda', Plano: 'prata' }],
  ['5511450000003', { Cidade: 'Natal', cidadee: 'Parnamirim', bairro: 'Tirol', Nivel: '2' }],
  ['5511450000004', { bairro: 'Boa Viagem' }],
];

beforeAll(async () => {
  p = await startPipeline({}, { appStarter: startAppWithClient });
  browser = await launchBrowser();
  db = new pg.Client({ connectionString: p.app.config.DATABASE_URL });
  await db.connect();
  for (const [phone, attributes] of CONTACTS) {
    await db.query('INSERT INTO contacts (tenant_id, channel_id, external_id, phone, attributes) VALUES ($1, $2, $3, $3, $4)', [p.tenantId, p.channelId, phone, attributes]);
  }
  await p.publish(flow([keywordTrigger('oi'), node('say', 'message', { text: 'Oi! Entregamos em {{contact.cidadee}}.' })], [edge('start', 'next', 'say')]), 'Boas-vindas');
});
afterAll(async () => {
  await db?.end();
  await browser?.close();
  await p?.close();
});

const attributes = async () =>
  (await db.query('SELECT external_id, attributes FROM contacts WHERE tenant_id = $1 ORDER BY external_id', [p.tenantId])).rows.map((r) => r.attributes);
const row = (page: Page, key: string) => page.locator(`[data-testid="field-row"][data-field="${key}"]`);
const fieldKeys = (page: Page) => page.getByTestId('field-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-field')));

async function openFields(lang: 'en' | 'pt-BR') {
  const page = await signedInPage(browser, p.app, p.token, lang);
  await page.goto(`${p.app.url}/contacts`);
  await page.getByTestId('contacts-fields').click();
  await page.getByTestId('fields-table').waitFor();
  return page;
}

describe('contact fields', () => {
  it('pt-BR: "cidadee" renamed into "Cidade" merges the values and names the flow; "Plano" deleted says how many contacts lose it', async () => {
    const page = await openFields('pt-BR');
    await expect.poll(() => fieldKeys(page)).toEqual(['cidadee', 'bairro', 'Plano', 'Cidade', 'Nivel']);
    expect(await row(page, 'cidadee').innerText()).toContain('Boas-vindas');
    await settle(page);
    await page.screenshot({ path: screenshotPath('contacts-fields-list-pt-BR') });

    await row(page, 'cidadee').getByTestId('field-rename').click();
    await page.getByTestId('field-new-name').fill('cidade nova');
    await page.getByText('use só letras, números').waitFor();
    expect(await page.getByTestId('field-rename-confirm').isDisabled()).toBe(true);
    await page.getByTestId('field-new-name').fill('Cidade');
    expect(await page.getByTestId('field-merge-note').innerText()).toBe('O campo “Cidade” já existe: os valores de “cidadee” passam para ele. O contato que tiver os dois fica com o valor de “Cidade”.');
    expect(await page.getByTestId('field-flows-warning').innerText()).toContain('O fluxo “Boas-vindas” usa “cidadee” e vai precisar de ajuste');
    await settle(page);
    await page.screenshot({ path: screenshotPath('contacts-fields-rename-merge-pt-BR') });
    await page.getByTestId('field-rename-confirm').click();
    await page.getByText('“cidadee” agora é “Cidade” em 3 contatos. 1 deles já tinha “Cidade” e manteve esse valor.').waitFor();
    await expect.poll(() => fieldKeys(page)).toEqual(['Cidade', 'bairro', 'Plano', 'Nivel']);
    expect(await row(page, 'Cidade').locator('td').nth(1).innerText()).toBe('3');

    await row(page, 'Plano').getByTestId('field-delete').click();
    expect(await page.getByTestId('field-delete-text').innerText()).toBe('2 contatos vão perder o valor de “Plano”. Não dá para desfazer.');
    await settle(page);
    await page.screenshot({ path: screenshotPath('contacts-fields-delete-pt-BR') });
    await page.getByTestId('field-delete-confirm').click();
    await page.getByText('Campo “Plano” excluído de 2 contatos.').waitFor();
    await expect.poll(() => fieldKeys(page)).toEqual(['Cidade', 'bairro', 'Nivel']);
    expect(await attributes()).toEqual([
      { Cidade: 'Recife' }, { Cidade: 'Olinda' }, { Cidade: 'Natal', bairro: 'Tirol', Nivel: '2' }, { bairro: 'Boa Viagem' },
    ]);
    await page.close();
  });

  it('en: "bairro" respelled "Bairro" keeps every value; "Nivel" deleted from its one contact', async () => {
    const page = await openFields('en');
    await row(page, 'bairro').getByTestId('field-rename').click();
    await page.getByTestId('field-new-name').fill('Bairro');
    await page.getByText('Only the letter case changes: every contact keeps its value.').waitFor();
    await settle(page);
    await page.screenshot({ path: screenshotPath('contacts-fields-rename-case-en') });
    await page.getByTestId('field-rename-confirm').click();
    await page.getByText('“bairro” is now “Bairro” on 2 contacts.').waitFor();
    await expect.poll(() => fieldKeys(page)).toEqual(['Cidade', 'Bairro', 'Nivel']);
    await settle(page);
    await page.screenshot({ path: screenshotPath('contacts-fields-list-en') });

    await row(page, 'Nivel').getByTestId('field-delete').click();
    expect(await page.getByTestId('field-delete-text').innerText()).toBe('1 contact will lose its value of “Nivel”. This cannot be undone.');
    await settle(page);
    await page.screenshot({ path: screenshotPath('contacts-fields-delete-en') });
    await page.getByTestId('field-delete-confirm').click();
    await expect.poll(() => fieldKeys(page)).toEqual(['Cidade', 'Bairro']);
    expect(await attributes()).toEqual([{ Cidade: 'Recife' }, { Cidade: 'Olinda' }, { Cidade: 'Natal', Bairro: 'Tirol' }, { Bairro: 'Boa Viagem' }]);
    await page.close();
  });
});
