// The actions and HTTP request steps in the editor, in English and pt-BR: added from the palette,
// their panels (hand-written lists over wording from the definitions) filled in and saved.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { api, type TestApp } from '../../server/test/harness';
import { flow, keywordTrigger, node } from '../../server/test/flow-docs';
import { screenshotPath } from './browser';
import { pickTime } from './pick-time';
import { addNode, connect, openFlow, signedInPage, waitSaved } from './builder-page';
import { startSignedUpSuite } from './suites';

let app: TestApp;
let browser: Browser;
let token: string;

startSignedUpSuite('Loja da Ana', (s) => ({ app, browser, token } = s));

async function open(lang: 'en' | 'pt-BR', nodes = [keywordTrigger('oi')]): Promise<{ page: Page; flowId: string }> {
  const document = flow(nodes, [], ['plano', 'status']);
  const created = await api(app, 'POST', '/v1/flows', { name: `Passos ${lang}`, document }, token);
  const page = await signedInPage(browser, app, token, lang);
  await openFlow(page, app, created.body.id);
  return { page, flowId: created.body.id };
}

/**
 * Opens the select and picks the option. A row's text typed just before is saved a moment later, and
 * that re-render can close a list opened in between (seen on a busy machine): then it is opened again.
 */
async function pick(page: Page, testId: string, option: string): Promise<void> {
  const choice = page.getByRole('option', { name: option, exact: true });
  for (let attempt = 1; ; attempt++) {
    await page.click(`[data-testid="${testId}"]`);
    const shown = await choice.waitFor({ timeout: 5_000 }).then(() => true, () => false);
    if (shown || attempt === 3) break;
  }
  await choice.click();
}

const WORDS = {
  en: { attribute: 'Set a contact attribute', variable: 'Set a variable', add: 'Action', panel: ['Tags the contact', 'Tags'], http: ['Calls your own system', 'Headers', 'Save from the answer', 'JSON body'], tooLong: 'A credential holds at most 2900 characters (it is stored encrypted); this one has 2901.', split: ['Sends each customer down one of its paths', 'Each customer takes one path', 'Add a path'], hours: { words: ['Time zone', 'Brasília (São Paulo, Rio, Minas, South, Northeast)', 'Opens at', 'Add opening hours'], card: 'Mon–Fri 8 AM–6 PM · Sat, Sun 10 AM–2 PM', noDays: 'Pick the days this line is open.' } },
  'pt-BR': { attribute: 'Definir um atributo do contato', variable: 'Definir uma variável', add: 'Ação', panel: ['Etiqueta o contato', 'Etiquetas'], http: ['Chama o seu próprio sistema', 'Cabeçalhos', 'Salvar da resposta', 'Corpo JSON'], tooLong: 'Uma credencial tem no máximo 2900 caracteres (ela é guardada criptografada); esta tem 2901.', split: ['Manda cada cliente por um dos caminhos', 'Cada cliente segue um caminho', 'Adicionar caminho'], hours: { words: ['Fuso horário', 'Brasília (SP, RJ, MG, Sul, Nordeste)', 'Abre às', 'Adicionar horário'], card: 'Seg–Sex 08:00–18:00 · Sáb, Dom 10:00–14:00', noDays: 'Escolha os dias em que esta linha vale.' } },
} as const;

describe.each(['en', 'pt-BR'] as const)('new steps in %s', (lang) => {
  it('when an actions step and an HTTP request step are added and filled in, then their panels show the definition wording and the flow saves their config', async () => {
    const w = WORDS[lang];
    const { page, flowId } = await open(lang);

    const actions = await addNode(page, 'actions');
    const panelText = () => page.locator('[data-testid=node-panel]').innerText();
    for (const text of w.panel) await expect.poll(panelText).toContain(text);
    expect((await page.innerText('[data-testid=add-action]')).trim()).toBe(w.add);
    await page.fill('[data-testid=action-0-tags]', 'lead');
    await page.keyboard.press('Enter');
    await page.click('[data-testid=add-action]');
    await pick(page, 'action-1-kind', w.attribute);
    await page.fill('[data-testid=action-1-name]', 'cidade');
    await page.fill('[data-testid=action-1-value]', 'Recife');
    await page.click('[data-testid=add-action]');
    await pick(page, 'action-2-kind', w.variable);
    await pick(page, 'action-2-name', 'plano');
    await page.fill('[data-testid=action-2-value]', '{{last_reply}}');
    await page.screenshot({ path: screenshotPath(`builder-step-actions-${lang}`) });

    const http = await addNode(page, 'http_request');
    for (const text of w.http) await expect.poll(panelText).toContain(text);
    await page.fill('[data-testid=http_request-url]', 'https://api.loja.com.br/pedidos/{{last_reply}}');
    await page.click('[data-testid=add-header]');
    await page.fill('[data-testid=header-0-name]', 'Authorization');
    await page.fill('[data-testid=header-0-value]', 'Bearer s3cr3t');
    // A credential header is typed into a masked input.
    expect(await page.getAttribute('[data-testid=header-0-value]', 'type')).toBe('password');
    await page.click('[data-testid=add-mapping]');
    await page.fill('[data-testid=mapping-0-path]', 'data.order.status');
    await pick(page, 'mapping-0-variable', 'status');
    await page.screenshot({ path: screenshotPath(`builder-step-http-${lang}`) });

    await waitSaved(page);
    const saved = (await api(app, 'GET', `/v1/flows/${flowId}`, undefined, token)).body.document.nodes;
    expect(saved.find((n: { id: string }) => n.id === actions).config).toEqual({
      actions: [
        { kind: 'add_tags', tags: ['lead'], name: '', value: '' },
        { kind: 'set_attribute', tags: [], name: 'cidade', value: 'Recife' },
        { kind: 'set_variable', tags: [], name: 'plano', value: '{{last_reply}}' },
      ],
    });
    expect(saved.find((n: { id: string }) => n.id === http).config).toMatchObject({
      method: 'GET',
      url: 'https://api.loja.com.br/pedidos/{{last_reply}}',
      // Saved, but never shown back: the API answers with the mask.
      headers: [{ name: 'Authorization', value: '••••••••', secret: false }],
      mappings: [{ path: 'data.order.status', variable: 'status' }],
    });
    // The cards show the definitions' summaries.
    await expect.poll(() => page.locator(`[data-testid="node-${actions}"]`).innerText()).toContain('+lead');
    await expect.poll(() => page.locator(`[data-testid="node-${http}"]`).innerText()).toContain('GET https://api.loja.com.br');
    await page.screenshot({ path: screenshotPath(`builder-steps-canvas-${lang}`) });

    // A credential too long to store encrypted is an error on the step, and the server refuses to
    // store it too (the draft keeps its last saved form); a shorter one saves again.
    await page.click(`[data-testid="node-${http}"]`);
    await page.fill('[data-testid=header-0-value]', 'x'.repeat(2901));
    await expect.poll(() => page.locator('[data-testid=panel-problems]').innerText()).toContain(w.tooLong);
    await expect.poll(() => page.getAttribute('[data-testid=save-state]', 'data-state'), { timeout: 10_000 }).toBe('refused');
    await page.screenshot({ path: screenshotPath(`builder-step-http-credential-too-long-${lang}`) });
    await page.fill('[data-testid=header-0-value]', 'Bearer n0v0');
    await waitSaved(page);
    await expect.poll(() => page.locator('[data-testid=panel-problems]').innerText()).not.toContain(w.tooLong);
  });

  it('when a randomizer is added, its paths named, weighted and connected, then the card shows the shares and the flow publishes', async () => {
    const at = (n: ReturnType<typeof node>, x: number, y: number) => ({ ...n, position: { x, y } });
    const offers = [at(node('offer_a', 'message', { text: '10% de desconto' }), 700, -120), at(node('offer_b', 'message', { text: 'Frete grátis' }), 700, 120)];
    const { page, flowId } = await open(lang, [keywordTrigger('oi'), ...offers]);
    // Added beside the selected trigger's free output.
    await page.click('[data-testid="node-start"]', { position: { x: 60, y: 16 } });
    const split = await addNode(page, 'randomizer');
    const panelText = () => page.locator('[data-testid=node-panel]').innerText();
    for (const text of WORDS[lang].split) await expect.poll(panelText).toContain(text);
    await expect.poll(() => page.innerText('[data-testid=path-shares]')).toBe('A 50% | B 50%');

    await page.fill('[data-testid=path-0-label]', lang === 'en' ? 'Discount' : 'Desconto');
    await page.fill('[data-testid=path-0-weight] input, input[data-testid=path-0-weight]', '3');
    const first = lang === 'en' ? 'Discount' : 'Desconto';
    await expect.poll(() => page.innerText('[data-testid=path-shares]')).toBe(`${first} 75% | B 25%`);
    // A third path takes the focus, and goes again.
    await page.click('[data-testid=add-path]');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('path-2-label');
    await expect.poll(() => page.innerText('[data-testid=path-shares]')).toBe(`${first} 60% | B 20% | C 20%`);
    await page.click('[data-testid=path-2-remove]');
    await expect.poll(() => page.locator('[data-testid^=path-][data-testid$=-label]').count()).toBe(2);

    // A weight of 0 is not taken: the field shows what the step keeps (1, the least).
    const secondWeight = '[data-testid=path-1-weight] input, input[data-testid=path-1-weight]';
    await page.fill(secondWeight, '0');
    await page.locator(secondWeight).blur();
    await expect.poll(() => page.inputValue(secondWeight)).toBe('1');
    expect(await page.innerText('[data-testid=path-shares]')).toBe(`${first} 75% | B 25%`);

    await connect(page, 'start', 'next', split);
    await connect(page, split, 'path:a', 'offer_a');
    await connect(page, split, 'path:b', 'offer_b');
    await expect.poll(() => page.locator(`[data-testid="node-${split}"]`).innerText()).toContain(`${first} 75% | B 25%`);
    await waitSaved(page);
    await page.screenshot({ path: screenshotPath(`builder-step-randomizer-${lang}`) });

    const saved = (await api(app, 'GET', `/v1/flows/${flowId}`, undefined, token)).body.document.nodes;
    expect(saved.find((n: { id: string }) => n.id === split).config).toEqual({ paths: [{ id: 'a', label: first, weight: 3 }, { id: 'b', label: '', weight: 1 }] });
    expect((await api(app, 'POST', `/v1/flows/${flowId}/publish`, {}, token)).status).toBe(201);
  });

  it('when a business-hours step is added, then its panel edits the zone, days and times, a line without days is a problem, and the card shows the week', async () => {
    const w = WORDS[lang].hours;
    const { page, flowId } = await open(lang);
    const hours = await addNode(page, 'business_hours');
    const panel = page.locator('[data-testid=node-panel]');
    for (const text of w.words) await expect.poll(async () => (await panel.innerText()) + (await panel.locator('input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value).join(' ')))).toContain(text);
    // The Saturday line becomes the weekend, 10:00 to 14:00.
    await page.locator('[data-testid=period-1-sun]').locator('xpath=following-sibling::label').click();
    await pickTime(page, 'period-1-from', '10:00');
    await pickTime(page, 'period-1-to', '14:00');
    await expect.poll(() => page.locator(`[data-testid="node-${hours}"]`).innerText()).toContain(w.card);
    // A new line takes the focus on its first day (what it lacks); with no day picked it is a problem on the step.
    await page.click('[data-testid=add-period]');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('period-2-mon');
    await expect.poll(() => page.locator('[data-testid=panel-problems]').innerText()).toContain(w.noDays);
    await page.screenshot({ path: screenshotPath(`builder-step-business-hours-${lang}`) });
    await page.click('[data-testid=period-2-remove]');
    await expect.poll(() => page.locator('[data-testid=panel-problems]').innerText().catch(() => '')).not.toContain(w.noDays);
    await waitSaved(page);
    const saved = (await api(app, 'GET', `/v1/flows/${flowId}`, undefined, token)).body.document.nodes;
    expect(saved.find((n: { id: string }) => n.id === hours).config).toEqual({
      timezone: 'America/Sao_Paulo',
      periods: [
        { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '18:00' },
        { days: ['sat', 'sun'], from: '10:00', to: '14:00' },
      ],
    });
  });

  it('when a step gets a long name, then the panel header shows all of it and Enter finishes the edit', async () => {
    const { page, flowId } = await open(lang);
    const human = await addNode(page, 'transfer');
    const name = `${lang === 'en' ? 'Transfer to a human' : 'Transferir para atendente'} do financeiro`;
    await page.fill('[data-testid=step-name]', name);
    // Nothing of the name is hidden beside the header's buttons: it wraps instead of scrolling out of view.
    const hidden = () => page.locator('[data-testid=step-name]').evaluate((e) => Math.max(e.scrollWidth - e.clientWidth, e.scrollHeight - e.clientHeight));
    await expect.poll(hidden).toBeLessThanOrEqual(1);
    await page.screenshot({ path: screenshotPath(`builder-step-long-name-${lang}`) });
    await page.press('[data-testid=step-name]', 'Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).not.toBe('step-name');
    await waitSaved(page);
    const saved = (await api(app, 'GET', `/v1/flows/${flowId}`, undefined, token)).body.document.nodes;
    expect(saved.find((n: { id: string }) => n.id === human).name).toBe(name);
  });
});
