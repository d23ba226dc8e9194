// What a screen reader hears on the canvas is in the editor's language and names the steps by the
// marketer's names (or their types' labels), never by the ids the flow keeps for them: the cards,
// the connections, React Flow's keyboard help and what it announces when a card is moved with the
// arrow keys. Screenshots in English and pt-BR.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FlowNode } from '@zyntra/flows-schema';
import { api, type TestApp } from '../../server/test/harness';
import { edge, flow, node } from '../../server/test/flow-docs';
import { screenshotPath } from './browser';
import { openFlow, signedInPage } from './builder-page';
import { startSignedUpSuite } from './suites';

let app: TestApp;
let browser: Browser;
let token: string;

startSignedUpSuite('Padaria da Bia', (s) => ({ app, browser, token } = s));

const IDS = ['n_k3v9', 'n_7fq2', 'n_p2x4'];
const at = (n: FlowNode, x: number, name?: string): FlowNode => ({ ...n, position: { x, y: 0 }, ...(name && { name }) });
const nodes = [
  at(node('n_k3v9', 'trigger', { keywords: [{ match: 'exact', value: 'pão' }] }), 0, 'Boas-vindas'),
  at(node('n_7fq2', 'message', { text: 'Quer ver as ofertas?', buttons: [{ id: 'sim', title: 'Quero ver' }, { id: 'nao', title: 'Agora não' }] }), 340),
  at(node('n_p2x4', 'message', { text: 'Pão de queijo saindo!' }), 680),
];

const expected = {
  en: {
    nodes: ['Boas-vindas', 'Message', 'Message'],
    edges: ['Connection from Boas-vindas to Message', 'Connection from Message, Quero ver, to Message'],
    roles: ['step', 'connection'],
    help: 'Press Enter or Space to select a step.',
    moved: /^Step moved right to x \d+, y \d+$/,
  },
  'pt-BR': {
    nodes: ['Boas-vindas', 'Mensagem', 'Mensagem'],
    edges: ['Conexão de Boas-vindas para Mensagem', 'Conexão de Mensagem, Quero ver, para Mensagem'],
    roles: ['etapa', 'conexão'],
    help: 'Tecle Enter ou Espaço para selecionar uma etapa.',
    moved: /^Etapa movida para a direita: x \d+, y \d+$/,
  },
};

/** Every text the page gives assistive technology: aria attributes (not id references), titles, live regions. */
const spokenTexts = (page: Page) =>
  page.evaluate(() => {
    const refs = new Set(['aria-describedby', 'aria-labelledby', 'aria-controls', 'aria-owns', 'aria-activedescendant']);
    const texts: string[] = [];
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) if ((a.name.startsWith('aria-') && !refs.has(a.name)) || a.name === 'title') texts.push(a.value);
    }
    for (const el of document.querySelectorAll('[aria-live], [id^="react-flow__node-desc"], [id^="react-flow__edge-desc"]')) texts.push(el.textContent ?? '');
    return texts;
  });

const attrs = (page: Page, selector: string, name: string) => page.$$eval(selector, (els, name) => els.map((e) => e.getAttribute(name)), name);

describe.each(['en', 'pt-BR'] as const)('the canvas read aloud (%s)', (lang) => {
  it('when a screen reader reads the canvas, then steps and connections go by their names in the editor language, never by id', async () => {
    const want = expected[lang];
    const created = await api(app, 'POST', '/v1/flows', { name: `Leitor ${lang}`, document: flow(nodes, [edge('n_k3v9', 'next', 'n_7fq2'), edge('n_7fq2', 'btn:sim', 'n_p2x4')]) }, token);
    const page = await signedInPage(browser, app, token, lang);
    await openFlow(page, app, created.body.id);
    await page.waitForSelector('.react-flow__edge');

    expect(await attrs(page, '.react-flow__node', 'aria-label')).toEqual(want.nodes);
    expect(await attrs(page, '.react-flow__edge', 'aria-label')).toEqual(want.edges);
    expect(new Set(await attrs(page, '.react-flow__node', 'aria-roledescription'))).toEqual(new Set([want.roles[0]]));
    expect(new Set(await attrs(page, '.react-flow__edge', 'aria-roledescription'))).toEqual(new Set([want.roles[1]]));
    expect(await spokenTexts(page)).toContain(want.help);

    // A card moved with the keyboard is announced in words of the editor's language.
    await page.focus('.react-flow__node[data-id="n_p2x4"]');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await page.textContent('.react-flow [aria-live]'))?.trim()).toMatch(want.moved);

    const spoken = await spokenTexts(page);
    expect(spoken.filter((text) => IDS.some((id) => text.includes(id)))).toEqual([]);
    expect(spoken.filter((text) => /\b(node|edge)\b/i.test(text))).toEqual([]);
    await page.screenshot({ path: screenshotPath(`builder-aria-${lang}`) });
    await page.close();
  });
});
