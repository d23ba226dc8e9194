// The editing fixes a marketer notices first: deleting a connection (key and button), connecting by
// dropping on a card's body or on empty canvas, the publish chip after an edit, and publishing with
// warnings asking first. Screenshots in English and pt-BR.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { sampleFlowDocument } from '../../database/seeds/sample-flow';
import { sampleFlow } from '../../flows-schema/src/testing/sample-flow';
import { api, type TestApp } from '../../server/test/harness';
import { screenshotPath } from './browser';
import { drawn } from './connection-paths';
import { settle } from './inbox-page';
import { boxOf, dragConnectionTo, nodeCount, openFlow, signedInPage, waitSaved } from './builder-page';
import { startSignedUpSuite } from './suites';

let app: TestApp;
let browser: Browser;
let token: string;

startSignedUpSuite('Floricultura', (s) => ({ app, browser, token } = s));

const at = (x: number, y: number) => ({ x, y });
const trigger = { id: 'start', type: 'trigger', position: at(0, 0), config: { keywords: [{ match: 'exact', value: 'flores' }], newContact: false, fallback: false, channelIds: [], priority: 0 } };
const message = (id: string, text: string, x: number, y = 0) => ({ id, type: 'message', position: at(x, y), config: { text, buttons: [], list: null, media: null, typingDelayMs: 0 } });

/** start → hello → bye, valid; bye's "Next" is open (a warning). */
const chain = () => ({
  schemaVersion: 1,
  nodes: [trigger, message('hello', 'Olá! Temos rosas e girassóis.', 320), message('bye', 'Até logo!', 640)],
  edges: [
    { id: 'start.next', source: 'start', sourceHandle: 'next', target: 'hello' },
    { id: 'hello.next', source: 'hello', sourceHandle: 'next', target: 'bye' },
  ],
  settings: {},
});

async function open(document: unknown, lang: 'en' | 'pt-BR' = 'en'): Promise<{ page: Page; flowId: string }> {
  const created = await api(app, 'POST', '/v1/flows', { name: `Flores ${Date.now()}`, document }, token);
  const page = await signedInPage(browser, app, token, lang);
  await openFlow(page, app, created.body.id);
  return { page, flowId: created.body.id };
}

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const edgeCount = (page: Page) => page.locator('.react-flow__edge').count();
// Whether the publish-state chip's words are cut to "…" (its label is narrower than its text).
const chipCut = (page: Page) =>
  page.$eval('[data-testid=flow-status] .mantine-Badge-label', (label) => label.scrollWidth > label.clientWidth + 1);
const draftEdges = async (flowId: string) => (await api(app, 'GET', `/v1/flows/${flowId}`, undefined, token)).body.document.edges.map((e: any) => e.id);

describe('builder fluency', () => {
  it('when a connection is selected, then Delete removes it, and so does its delete button', async () => {
    const { page, flowId } = await open(chain());
    expect(await edgeCount(page)).toBe(2);
    await page.click('.react-flow__edge[data-id="hello.next"] .react-flow__edge-interaction', { force: true });
    await page.waitForSelector('[data-testid="edge-delete-hello.next"]');
    await page.screenshot({ path: screenshotPath('builder-edge-selected-en') });
    // The focused element is the SVG edge itself: the shortcut must accept it.
    expect(await page.evaluate(() => document.activeElement?.closest('.react-flow__edge')?.getAttribute('data-id'))).toBe('hello.next');
    await page.keyboard.press('Delete');
    await expect.poll(() => edgeCount(page)).toBe(1);
    await waitSaved(page);
    expect(await draftEdges(flowId)).toEqual(['start.next']);

    await page.selectOption('[data-testid=lang-switch]', 'pt-BR');
    await page.click('.react-flow__edge[data-id="start.next"] .react-flow__edge-interaction', { force: true });
    const button = page.locator('[data-testid="edge-delete-start.next"]');
    await button.hover();
    await page.waitForSelector('text=Excluir conexão (Del)');
    await page.screenshot({ path: screenshotPath('builder-edge-delete-button-pt-BR') });
    await button.click();
    await expect.poll(() => edgeCount(page)).toBe(0);
    // One undo brings it back.
    await page.keyboard.press('Control+z');
    await expect.poll(() => edgeCount(page)).toBe(1);
  });

  it.each(['en', 'pt-BR'] as const)("when a connection is dropped on a card's body (%s), then it connects to that card", async (lang) => {
    const doc = chain();
    doc.edges = doc.edges.filter((e) => e.id !== 'hello.next');
    const { page, flowId } = await open(doc, lang);
    const bye = await boxOf(page, 'bye');
    // The middle of the card's text, far from its 8 px input dot.
    await dragConnectionTo(page, 'hello', 'next', { x: bye.x + bye.width * 0.6, y: bye.y + bye.height * 0.55 });
    await page.waitForSelector('.react-flow__edge[data-id="hello.next"]');
    await waitSaved(page);
    expect(await draftEdges(flowId)).toContain('hello.next');
    await page.screenshot({ path: screenshotPath(`builder-drop-on-body-${lang}`) });
  });

  it.each([
    ['pt-BR', 'Gatilho'],
    ['en', 'Trigger'],
  ] as const)('when a connection is dropped on empty canvas (%s), then the step picker opens there and creates the connected step', async (lang, triggerLabel) => {
    const doc = chain();
    doc.nodes = doc.nodes.filter((n) => n.id !== 'bye');
    doc.edges = doc.edges.filter((e) => e.id !== 'hello.next');
    const { page } = await open(doc, lang);
    const hello = await boxOf(page, 'hello');
    const drop = { x: hello.x + hello.width + 160, y: hello.y + 260 };
    await dragConnectionTo(page, 'hello', 'next', drop);
    await page.waitForSelector('[data-testid=step-picker]');
    const offered = await page.locator('[data-testid^=step-picker-]').allTextContents();
    expect(offered.length).toBeGreaterThan(3);
    expect(offered).not.toContain(triggerLabel);
    await page.screenshot({ path: screenshotPath(`builder-step-picker-${lang}`) });
    await page.click('[data-testid=step-picker-wait]');
    await expect.poll(() => nodeCount(page)).toBe(3);
    const created = (await page.getAttribute('[data-testid=node-panel]', 'data-node-id'))!;
    expect(created).toMatch(/^wait-/);
    await page.waitForSelector(`.react-flow__edge[data-id="hello.next"]`);
    // The new card's input sits where the connection was dropped (relative to the source card: the
    // view pans to keep the new card clear of the side panel that opens for it).
    // Measured once the view's pan has settled (both read in one go, polled until they agree).
    const offset = async () => {
      const input = (await page.locator(`[data-testid="handle-${created}-in"]`).boundingBox())!;
      const moved = await boxOf(page, 'hello');
      return Math.max(Math.abs(input.x + input.width / 2 - moved.x - (drop.x - hello.x)), Math.abs(input.y + input.height / 2 - moved.y - (drop.y - hello.y)));
    };
    await expect.poll(offset, { timeout: 5_000 }).toBeLessThan(24);
    await page.screenshot({ path: screenshotPath(`builder-step-picker-created-${lang}`) });
  });

  it('when a flow with warnings is published in pt-BR, then it asks first, listing each warning by step', async () => {
    const { page, flowId } = await open(chain(), 'pt-BR');
    await page.click('[data-testid=publish]');
    await page.waitForSelector('[data-testid=publish-confirm]');
    const confirm = (await page.textContent('[data-testid=publish-confirm]'))!;
    expect(confirm).toContain('A saída “Próximo” não está conectada');
    expect(confirm).toContain('Avisos não impedem a publicação');
    // An unnamed step is told apart from the other messages by its text.
    expect(confirm).toContain('Mensagem · Até logo!');
    await settle(page);
    await page.screenshot({ path: screenshotPath('builder-publish-warnings-pt-BR') });
    await page.click('[data-testid=publish-confirm-button]');
    await expect.poll(() => page.textContent('[data-testid=flow-status]')).toBe('Publicado · v1');
    expect((await api(app, 'GET', `/v1/flows/${flowId}/versions`, undefined, token)).body.items).toHaveLength(1);
    // The "published" toast leaves the zoom buttons (bottom left of the canvas) free to click.
    const toast = page.locator('.mantine-Notification-root', { hasText: 'Versão 1 publicada' });
    await toast.waitFor();
    // This workspace has no channel yet: the toast does not claim customers get the flow, and
    // leads to connecting one.
    expect(await toast.textContent()).toContain('Os clientes passam a receber este fluxo quando um canal estiver conectado');
    expect(await toast.textContent()).not.toContain('já recebem');
    await settle(page);
    expect(overlap((await toast.boundingBox())!, (await page.locator('.react-flow__controls').boundingBox())!)).toBe(false);
    await page.screenshot({ path: screenshotPath('builder-published-toast-pt-BR') });
    await toast.getByTestId('published-connect-channel').click();
    await page.waitForURL(/\/settings\?tab=channels$/);
    await page.getByTestId('settings-tab-channels').waitFor();

    // With a channel live, the plain "customers now get it" toast.
    expect((await api(app, 'POST', '/v1/channels', { type: 'webchat', name: 'Site', config: {} }, token)).status).toBe(201);
    const live = await open(chain(), 'pt-BR');
    await live.page.click('[data-testid=publish]');
    await live.page.click('[data-testid=publish-confirm-button]');
    await live.page.locator('.mantine-Notification-root', { hasText: 'Versão 1 publicada. Os clientes já recebem este fluxo.' }).waitFor();
    expect(await live.page.getByTestId('published-no-channel').count()).toBe(0);
    await api(app, 'DELETE', `/v1/channels/${(await api(app, 'GET', '/v1/channels', undefined, token)).body.items[0].id}`, undefined, token);
  });

  it('when a published flow is edited, then the chip says "unpublished changes", lists them, and publishing is possible again', async () => {
    const { page, flowId } = await open(chain());
    // Publishing with the open "Next" of bye asks first.
    await page.click('[data-testid=publish]');
    await page.waitForSelector('[data-testid=publish-confirm]');
    expect(await page.textContent('[data-testid=publish-confirm]')).toContain('The “Next” output is not connected');
    await settle(page);
    await page.screenshot({ path: screenshotPath('builder-publish-warnings-en') });
    await page.click('[data-testid=publish-review]');
    await page.waitForSelector('[data-testid=publish-confirm]', { state: 'detached' });
    expect((await api(app, 'GET', `/v1/flows/${flowId}/versions`, undefined, token)).body.items).toEqual([]);
    await page.click('[data-testid=publish]');
    await page.click('[data-testid=publish-confirm-button]');
    await expect.poll(() => page.textContent('[data-testid=flow-status]')).toBe('Published · v1');
    await page.getByTestId('published-no-channel').getByText('Customers get it once a channel is connected').waitFor();
    await settle(page);
    await page.screenshot({ path: screenshotPath('builder-published-no-channel-en') });
    // Nothing changed since: Publish is disabled.
    await expect.poll(() => page.isDisabled('[data-testid=publish]')).toBe(true);

    await page.click('[data-testid=node-hello]', { position: { x: 60, y: 16 } });
    await page.fill('[data-testid=message-text]', 'Olá! Hoje tem promoção de orquídeas.');
    await page.fill('[data-testid=step-name]', 'Saudação');
    await waitSaved(page);
    await expect.poll(() => page.textContent('[data-testid=flow-status]')).toBe('Unpublished changes');
    expect(await page.isDisabled('[data-testid=publish]')).toBe(false);
    // On a 1366 px laptop the chip is read whole, not cut to "…".
    await page.setViewportSize({ width: 1366, height: 768 });
    expect(await chipCut(page)).toBe(false);
    expect(await page.textContent('[data-testid=node-title-hello]')).toBe('Saudação');
    await page.screenshot({ path: screenshotPath('builder-publish-chip-changed-en') });
    await page.click('[data-testid=show-changes]');
    await page.waitForSelector('[data-testid=changes-list]');
    expect(await page.locator('[data-testid=change-step]').allTextContents()).toEqual(['EditedSaudação']);
    await settle(page);
    await page.screenshot({ path: screenshotPath('builder-changes-en') });
    await page.keyboard.press('Escape');

    // The flows list agrees, in both languages.
    await page.click('[data-testid=back-to-flows]');
    await page.waitForSelector('[data-testid=flows-table]');
    expect(await page.textContent(`[data-testid=flow-row-${flowId}] [data-testid=flow-status]`)).toBe('v1 live · unpublished changes');
    await page.selectOption('[data-testid=lang-switch]', 'pt-BR');
    await expect.poll(() => page.textContent(`[data-testid=flow-row-${flowId}] [data-testid=flow-status]`)).toBe('v1 no ar · alterações não publicadas');
    await page.screenshot({ path: screenshotPath('flows-list-changed-pt-BR') });
    await page.click(`[data-testid=flow-row-${flowId}] [data-testid=flow-open]`);
    await page.waitForSelector('[data-testid=publish]');
    await expect.poll(() => page.textContent('[data-testid=flow-status]')).toBe('Alterações não publicadas');
    expect(await chipCut(page)).toBe(false);
    await page.screenshot({ path: screenshotPath('builder-publish-chip-changed-pt-BR') });

    // Undoing the edit (back to the live text and no name) makes the chip honest again.
    await page.click('[data-testid=node-hello]', { position: { x: 60, y: 16 } });
    await page.fill('[data-testid=message-text]', 'Olá! Temos rosas e girassóis.');
    await page.fill('[data-testid=step-name]', '');
    await waitSaved(page);
    await expect.poll(() => page.textContent('[data-testid=flow-status]')).toBe('Publicado · v1');
    expect(await page.isDisabled('[data-testid=publish]')).toBe(true);
  });
});

describe('sample flows', () => {
  const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

  it.each([
    ['the demo seed', 'seed', sampleFlowDocument()],
    ['the flows-schema sample', 'schema', sampleFlow()],
  ])('when %s is opened, then no card covers another and there is no problem, not even a warning', async (_name, shot, document) => {
    // The workspace has an AI provider for the sample's AI reply step to ask (without one, that step is warned about).
    expect((await api(app, 'PUT', '/v1/settings/ai', { baseUrl: 'https://ia.floricultura.invalid/v1' }, token)).status).toBe(200);
    const { page } = await open(document, 'pt-BR');
    const boxes = await page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    expect(boxes.length).toBe(document.nodes.length);
    for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
    // No connection runs under a card, not even one going back to an earlier step (its own cards included).
    await expect.poll(async () => (await drawn(page, '')).underCards, { timeout: 5_000 }).toBe(0);
    await page.waitForTimeout(500); // validation runs 300 ms after load
    expect(await page.getAttribute('[data-testid=problems-toggle]', 'data-total')).toBe('0');
    expect(await page.locator('[data-testid^=node-problems-]').count()).toBe(0);
    await page.screenshot({ path: screenshotPath(`builder-sample-${shot}-pt-BR`) });
  });
});

describe('the small things', () => {
  it('when typing, undoing and adding rows in pt-BR, then undo takes back the whole edit, new rows take focus, and the wording is right', async () => {
    const doc = chain();
    doc.nodes.push({ id: 'check', type: 'condition', position: at(320, 240), config: { branches: [{ id: 'b1', label: '', combinator: 'all', rules: [{ left: 'last_reply', op: 'equals', right: '' }] }] } } as never);
    const { page } = await open(doc, 'pt-BR');
    await page.click('[data-testid=node-bye]', { position: { x: 60, y: 16 } });
    const text = page.locator('[data-testid=message-text]');
    await text.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Volte sempre', { delay: 30 });
    await page.waitForTimeout(1_300); // a pause inside the same edit
    await page.keyboard.type('!', { delay: 30 });
    expect(await text.inputValue()).toBe('Até logo! Volte sempre!');
    await page.keyboard.press('Control+z');
    await expect.poll(() => text.inputValue()).toBe('Até logo!');
    // The panel says "1 problema" (singular) for the open "Próximo" output.
    expect(await page.textContent('[data-testid=panel-problems]')).toContain('1 problema nesta etapa');

    // A new button row takes the focus, so typing goes straight into it.
    await page.click('[data-testid=message-choices] label:has-text("Botões")');
    // How a customer may answer (a tap, the option's name or its number) is said where the options are made.
    expect(await page.textContent('[data-testid=message-choices-hint]')).toContain('digita o nome ou o número dela (1, 2, 3…)');
    await page.click('[data-testid=add-button]');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('button-title-1');
    await page.keyboard.type('Quero mais');
    expect(await page.inputValue('[data-testid=button-title-1]')).toBe('Quero mais');

    await page.click('[data-testid=node-check]', { position: { x: 60, y: 16 } });
    await page.waitForSelector('[data-testid=branch-0]');
    const branch = (await page.textContent('[data-testid=branch-0]'))!;
    expect(branch).toContain('Corresponder a');
    expect(await page.inputValue('[data-testid=branch-0-rule-0] input >> nth=0')).toBe('Última resposta');
    await page.click('[data-testid=branch-0-add-rule]');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('branch-0-rule-1-right');
    // The contact's tags are tested with "tem a etiqueta": picking them picks it, and the field's
    // name shows whole.
    await page.click('[data-testid=branch-0-rule-1] input >> nth=0');
    await page.getByRole('option', { name: 'Etiquetas do contato' }).click();
    await expect.poll(() => page.locator('[data-testid=branch-0-rule-1] .mantine-Select-input').nth(1).inputValue()).toBe('tem a etiqueta');
    for (const select of await page.locator('[data-testid=branch-0-rule-1] .mantine-Select-input').all()) {
      expect(await select.evaluate((el: HTMLInputElement) => el.scrollWidth <= el.clientWidth)).toBe(true);
    }
    // A branch not named yet is called by its place on the card, not by a bare number.
    await expect.poll(() => page.textContent('[data-testid=node-check]')).toContain('Caminho 1');
    // React Flow's own controls speak Portuguese too.
    expect(await page.getAttribute('.react-flow__controls-zoomin', 'title')).toBe('Aproximar');
    expect(await page.getAttribute('.react-flow__controls-fitview', 'title')).toBe('Ajustar à tela');
    await page.screenshot({ path: screenshotPath('builder-condition-wording-pt-BR') });
  });

  it('when a tall flow of 365 steps in one column is opened, then zoom-to-fit shows every step', async () => {
    const nodes = [trigger, ...Array.from({ length: 364 }, (_, i) => message(`m${i}`, `Passo ${i}`, 320, i * 200))];
    const edges = [{ id: 'start.next', source: 'start', sourceHandle: 'next', target: 'm0' }, ...Array.from({ length: 363 }, (_, i) => ({ id: `m${i}.next`, source: `m${i}`, sourceHandle: 'next', target: `m${i + 1}` }))];
    const { page } = await open({ schemaVersion: 1, nodes, edges, settings: {} });
    await page.click('[data-testid=fit-view]');
    await page.waitForTimeout(600);
    // Every card is on screen (only cards in view are rendered).
    await expect.poll(() => nodeCount(page), { timeout: 30_000 }).toBe(365);
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    for (const id of ['start', 'm0', 'm363']) {
      const box = (await page.locator(`[data-testid=node-${id}]`).boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(pane.y);
      expect(box.y + box.height).toBeLessThanOrEqual(pane.y + pane.height);
    }
    await page.screenshot({ path: screenshotPath('builder-tall-flow-en') });
  });
});
