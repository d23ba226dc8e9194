// "Test this flow": the chat beside the canvas runs the draft through the real pipeline, shows
// reply buttons to tap, highlights the current node, traces the path taken and lists variables as
// they fill. A transfer says "handed to a human", keeps the transfer step lit and stops polling.
// Run by a marketer, who draws flows and has no inbox.
import { afterAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { api, signupWorkspace, type TestApp } from '../../server/test/harness';
import { startFakeLlm, type FakeLlm } from '../../server/test/fakes/fake-llm';
import { addMember } from '../../server/test/agents';
import { screenshotPath } from './browser';
import { openFlow, signedInPage, sayInTestChat } from './builder-page';
import { startSignedUpSuite } from './suites';

let app: TestApp;
let browser: Browser;
let token: string;
let llm: FakeLlm;

// The loopback is opened to calls so a workspace's AI provider may be the fake one beside the test.
startSignedUpSuite('Sorveteria', async (s) => {
  ({ app, browser } = s);
  const me = await api(app, 'GET', '/v1/me', undefined, s.token);
  token = (await addMember(app, me.body.workspace.id, 'Marina', 'marketer')).token;
  llm = await startFakeLlm();
}, { OUTBOUND_ALLOW_HOSTS: '127.0.0.1' });
afterAll(() => llm?.close());

const base = (id: string, type: string, x: number, config: Record<string, unknown>) => ({ id, type, position: { x, y: 0 }, config });
const message = (text: string, buttons: { id: string; title: string }[] = []) => ({ text, buttons, list: null, media: null, typingDelayMs: 0 });

/** A keyword's trigger, then one step (id `step`) that the failure tests below make fail. */
const keywordThen = (keyword: string, type: string, config: Record<string, unknown>) => ({
  schemaVersion: 1,
  nodes: [
    base('start', 'trigger', 0, { keywords: [{ match: 'exact', value: keyword }], newContact: false, fallback: false, channelIds: [], priority: 0 }),
    base('step', type, 300, config),
  ],
  edges: [{ id: 'start.next', source: 'start', sourceHandle: 'next', target: 'step' }],
  settings: { variables: [] },
});

/** Asks the name, saves it, then offers two buttons; "Sim" hands over to a person. */
const flowDocument = {
  schemaVersion: 1,
  nodes: [
    base('start', 'trigger', 0, { keywords: [{ match: 'exact', value: 'sorvete' }], newContact: false, fallback: false, channelIds: [], priority: 0 }),
    // The menu goes with the first question, as customers get it.
    base('ask', 'message', 300, { ...message('Qual é o seu nome?'), media: { kind: 'document', url: 'https://example.com/cardapio.pdf', filename: 'cardapio.pdf' } }),
    base('name', 'wait', 600, { mode: 'reply', saveAs: 'nome', expect: 'any', options: [], retryPrompt: '', maxRetries: 2, timeoutSeconds: null, delaySeconds: 60 }),
    base('menu', 'message', 900, message('Oi, {{nome}}! Quer falar com a gente?', [{ id: 'yes', title: 'Sim' }, { id: 'no', title: 'Não' }])),
    base('human', 'transfer', 1200, { team: null, message: 'Já vamos te atender!', tags: [] }),
    { ...base('bye', 'message', 1200, message('Até mais!')), position: { x: 1200, y: 200 } },
  ],
  edges: [
    { id: 'start.next', source: 'start', sourceHandle: 'next', target: 'ask' },
    { id: 'ask.next', source: 'ask', sourceHandle: 'next', target: 'name' },
    { id: 'name.next', source: 'name', sourceHandle: 'next', target: 'menu' },
    { id: 'menu.btn:yes', source: 'menu', sourceHandle: 'btn:yes', target: 'human' },
    { id: 'menu.btn:no', source: 'menu', sourceHandle: 'btn:no', target: 'bye' },
  ],
  settings: { variables: [{ name: 'nome' }] },
};

describe('test chat', () => {
  it('when the tester chats with the draft, then replies, buttons, the current node and variables show up', async () => {
    const created = await api(app, 'POST', '/v1/flows', { name: 'Sorvete', document: flowDocument }, token);
    const page = await signedInPage(browser, app, token);
    // Nothing the marketer's pages ask for is refused (the test chat's reads, the inbox's own lists).
    const refused: string[] = [];
    page.on('response', (r) => r.status() === 403 && refused.push(`${r.request().method()} ${new URL(r.url()).pathname}`));
    await openFlow(page, app, created.body.id);
    // No inbox, so no availability to set.
    expect(await page.getByTestId('presence').count()).toBe(0);

    await page.click('[data-testid=test-toggle]');
    await page.click('[data-testid=test-start]');
    await page.waitForSelector('[data-testid=test-input]:not([disabled])');
    // The chat suggests the flow's own keyword, as a customer would send it.
    await page.getByText('Send “sorvete” to start, as a customer would.').waitFor();
    // The first message enters at the trigger whatever its keywords.
    await page.fill('[data-testid=test-input]', 'oi');
    await page.click('[data-testid=test-send]');
    await page.waitForSelector('[data-testid=test-bot-message]:has-text("Qual é o seu nome?")');
    expect(await page.getByTestId('test-media').textContent()).toBe('cardapio.pdf');
    expect(await page.getByTestId('test-media').getAttribute('href')).toBe('https://example.com/cardapio.pdf');
    await expect.poll(() => page.getAttribute('[data-testid=node-name]', 'data-running'), { timeout: 10_000 }).toBe('true');

    await page.fill('[data-testid=test-input]', 'Ana');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=test-bot-message]:has-text("Oi, Ana! Quer falar com a gente?")');
    await expect.poll(() => page.textContent('[data-testid=test-var-nome]'), { timeout: 10_000 }).toContain('Ana');
    await expect.poll(() => page.getAttribute('[data-testid=node-menu]', 'data-running'), { timeout: 10_000 }).toBe('true');
    await page.screenshot({ path: screenshotPath('builder-test-chat-en') });

    // A short window: the chat overflows, so the closing notice must be scrolled to.
    await page.setViewportSize({ width: 1600, height: 620 });
    await page.click('[data-testid=test-reply-yes]');
    await page.waitForSelector('[data-testid=test-bot-message]:has-text("Já vamos te atender!")');
    await page.waitForSelector('[data-testid=test-my-message]:has-text("Sim")');
    // The transfer hands the chat over: said in the chat, and the transfer step stays lit.
    await page.waitForSelector('[data-testid=test-handoff]:has-text("Handed to a human")', { timeout: 10_000 });
    await expect.poll(() => page.getAttribute('[data-testid=node-human]', 'data-running')).toBe('true');
    // The handoff notice is scrolled into the chat's view, not left below its fold.
    const chat = page.locator('[data-testid=test-panel] .mantine-ScrollArea-viewport').first();
    expect(await chat.evaluate((e) => e.scrollHeight > e.clientHeight)).toBe(true);
    const noticeInView = async () => {
      const [box, notice] = [(await chat.boundingBox())!, (await page.getByTestId('test-handoff').boundingBox())!];
      return notice.y >= box.y && notice.y + notice.height <= box.y + box.height + 1;
    };
    await expect.poll(noticeInView, { timeout: 5_000 }).toBe(true);
    expect(await page.locator('[data-running=true]').count()).toBe(1);
    // From here nobody in the test answers: the composer says to restart instead of taking messages into the void.
    await expect.poll(() => page.isDisabled('[data-testid=test-input]')).toBe(true);
    expect(await page.getAttribute('[data-testid=test-input]', 'placeholder')).toBe('Handed to a human: restart (↻) to test again');
    expect(await page.locator('[data-testid=test-failure]').count()).toBe(0);
    // The path taken is traced: every step up to the transfer, and the connections between them.
    await page.click('[data-testid=fit-view]');
    await page.waitForTimeout(400);
    for (const id of ['start', 'ask', 'name', 'menu', 'human']) expect(await page.getAttribute(`[data-testid=node-${id}]`, 'data-visited')).toBe('true');
    expect(await page.getAttribute('[data-testid=node-bye]', 'data-visited')).toBeNull();
    expect(await page.locator('.react-flow__edge-path.walked').count()).toBe(4);
    await page.screenshot({ path: screenshotPath('builder-test-handoff-en') });

    // The run has ended: the panel stops polling the session, and reads the run log at most once
    // more (its last look after the end).
    const polls: string[] = [];
    page.on('request', (r) => /\/(session|runlog)\b/.test(r.url()) && polls.push(new URL(r.url()).pathname.split('/').pop()!));
    await page.waitForTimeout(3_000);
    expect(polls.filter((p) => p !== 'runlog')).toEqual([]);
    expect(polls.length).toBeLessThanOrEqual(1);
    expect(refused).toEqual([]);

    await page.selectOption('[data-testid=lang-switch]', 'pt-BR');
    await page.waitForSelector('[data-testid=test-handoff]:has-text("Passada para um atendente")');
    await expect.poll(noticeInView).toBe(true);
    await page.screenshot({ path: screenshotPath('builder-test-handoff-pt-BR') });
  });

  it('when an AI reply step runs with no AI provider set up, then the chat says where one is set up, in the tester\'s language', async () => {
    const document = keywordThen('natal', 'ai_reply', { systemPrompt: 'Você é a assistente da loja.', model: '', temperature: 0.7, historyWindow: 10, maxTokens: 512, timeoutSeconds: 30, saveAs: null });
    const created = await api(app, 'POST', '/v1/flows', { name: 'Natal com IA', document }, token);
    const page = await signedInPage(browser, app, token, 'pt-BR');
    await openFlow(page, app, created.body.id);
    await sayInTestChat(page, 'natal');
    const failure = page.getByTestId('test-failure');
    await expect.poll(() => failure.textContent().catch(() => ''), { timeout: 15_000 }).toContain('Configurações → Respostas com IA');
    // The server's own words (English, and no help) are not what a tester reads.
    expect(await failure.textContent()).not.toContain('no AI provider is configured');
    await page.screenshot({ path: screenshotPath('builder-test-no-ai-provider-pt-BR') });
    await page.selectOption('[data-testid=lang-switch]', 'en');
    await expect.poll(() => failure.textContent()).toContain('an admin sets one up in Settings → AI replies');
    await page.screenshot({ path: screenshotPath('builder-test-no-ai-provider-en') });
  });

  it("when an HTTP request step's call is refused, then the chat says why in the tester's language, not the server's English", async () => {
    // An internal address: the outbound module refuses it before any connection.
    const document = keywordThen('pedido', 'http_request', { method: 'GET', url: 'http://10.0.0.1/pedidos', headers: [], body: '', mappings: [], timeoutSeconds: 5 });
    const created = await api(app, 'POST', '/v1/flows', { name: 'Consulta de pedido', document }, token);
    const page = await signedInPage(browser, app, token, 'pt-BR');
    await openFlow(page, app, created.body.id);
    await sayInTestChat(page, 'pedido');
    const failure = page.getByTestId('test-failure');
    await expect.poll(() => failure.textContent().catch(() => ''), { timeout: 15_000 }).toContain('Uma etapa falhou: a URL leva a um endereço privado ou interno');
    await page.screenshot({ path: screenshotPath('builder-test-http-refused-pt-BR') });
    await page.selectOption('[data-testid=lang-switch]', 'en');
    await expect.poll(() => failure.textContent()).toContain('A step failed: the URL leads to a private or internal address');
    await page.screenshot({ path: screenshotPath('builder-test-http-refused-en') });
  });

  it("when the workspace's AI provider refuses the call, then the chat says why and what to do, in the tester's language", async () => {
    // A workspace of its own, whose admin set up a provider that is rate limiting.
    const owner = (await signupWorkspace(app, 'Floricultura')).token;
    expect((await api(app, 'PUT', '/v1/settings/ai', { baseUrl: llm.baseUrl, model: 'm', apiKey: 'sk-flores' }, owner)).status).toBe(200);
    llm.behave({ kind: 'error', status: 429, message: 'Rate limit reached for requests' });
    const document = keywordThen('flores', 'ai_reply', { systemPrompt: 'Você é a assistente da floricultura.', model: '', temperature: 0.7, historyWindow: 10, maxTokens: 512, timeoutSeconds: 30, saveAs: null });
    const created = await api(app, 'POST', '/v1/flows', { name: 'Flores com IA', document }, owner);
    const page = await signedInPage(browser, app, owner, 'pt-BR');
    await openFlow(page, app, created.body.id);
    await sayInTestChat(page, 'flores');
    const failure = page.getByTestId('test-failure');
    await expect.poll(() => failure.textContent().catch(() => ''), { timeout: 15_000 })
      .toContain('Uma etapa falhou: o provedor de IA está limitando a quantidade de pedidos (HTTP 429): tente de novo daqui a pouco');
    // Neither the server's English nor what the provider said reaches the tester.
    expect(await failure.textContent()).not.toMatch(/rate limiting|Rate limit reached/);
    await page.screenshot({ path: screenshotPath('builder-test-ai-rate-limited-pt-BR') });
    await page.selectOption('[data-testid=lang-switch]', 'en');
    await expect.poll(() => failure.textContent()).toContain('A step failed: the AI provider is limiting how often it is asked (HTTP 429): try again in a moment');
    await page.screenshot({ path: screenshotPath('builder-test-ai-rate-limited-en') });
  });
});
