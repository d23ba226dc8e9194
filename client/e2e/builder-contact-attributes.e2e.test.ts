// A flow reads the contact's attributes: a marketer picks "Contact: cidade" (pt-BR "Contato: cidade")
// as a condition's field and inserts {{contact.cidade}} into a message from the variable menu, with
// the names the workspace's imported contacts hold. The test chat's contact has no attributes, so the
// flow takes the "else" path and the placeholder's default is said.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { api } from '../../server/test/harness';
import { addMember } from '../../server/test/agents';
import { edge, flow, keywordTrigger, node } from '../../server/test/flow-docs';
import type { Pipeline } from '../../server/test/pipeline';
import { screenshotPath } from './browser';
import { openFlow, selectNode, signedInPage, waitSaved, sayInTestChat } from './builder-page';
import { startPipelineSuite } from './suites';

let p: Pipeline;
let browser: Browser;
let marketer: string;

startPipelineSuite(async (s) => {
  ({ p, browser } = s);
  for (const [phone, attributes] of [['+5581990000101', { cidade: 'Recife', plano: 'premium' }], ['+5581990000102', { cidade: 'Olinda' }]] as const) {
    const res = await api(p.app, 'POST', '/v1/contacts', { phone, attributes }, p.token);
    expect(res.status).toBe(201);
  }
  // Who draws flows: a marketer reads the workspace's attribute names too.
  marketer = (await addMember(p.app, p.tenantId, 'Marina', 'marketer')).token;
});

const at = (n: ReturnType<typeof node>, x: number, y = 0) => ({ ...n, position: { x, y } });
const document = flow(
  [
    at(keywordTrigger('loja'), 0),
    at(node('c', 'condition', { branches: [{ id: 'known', label: '', combinator: 'all', rules: [{ left: 'last_reply', op: 'is_set', right: '' }] }] }), 320),
    at(node('here', 'message', { text: 'Loja em ' }), 640),
    at(node('away', 'message', { text: 'Ainda não sabemos sua cidade, {{contact.cidade | "cliente"}}.' }), 640, 220),
  ],
  [edge('start', 'next', 'c'), edge('c', 'branch:known', 'here'), edge('c', 'else', 'away')],
);

describe.each(['en', 'pt-BR'] as const)('contact attributes in the builder (%s)', (lang) => {
  it('when "cidade" is picked as the condition\'s field and inserted into a message, then the flow saves contact.cidade and the test chat says the default', async () => {
    const created = await api(p.app, 'POST', '/v1/flows', { name: `Loja ${lang}`, document }, marketer);
    const page = await signedInPage(browser, p.app, marketer, lang);
    const refused: string[] = [];
    page.on('response', (r) => r.status() >= 400 && refused.push(`${r.status()} ${new URL(r.url()).pathname}`));
    await openFlow(page, p.app, created.body.id);
    const label = lang === 'en' ? 'Contact: cidade' : 'Contato: cidade';

    await selectNode(page, 'c');
    await page.click('[data-testid=branch-0-rule-0] input >> nth=0');
    await page.getByRole('option', { name: label, exact: true }).waitFor();
    expect(await page.getByRole('option', { name: lang === 'en' ? 'Contact: plano' : 'Contato: plano', exact: true }).count()).toBe(1);
    await page.screenshot({ path: screenshotPath(`builder-contact-attribute-operand-${lang}`) });
    await page.getByRole('option', { name: label, exact: true }).click();
    await expect.poll(() => page.inputValue('[data-testid=branch-0-rule-0] input >> nth=0')).toBe(label);

    await selectNode(page, 'here');
    await page.click('[data-testid=message-text]');
    await page.keyboard.press('End');
    await page.click('[data-testid=variable-picker]');
    await page.getByRole('menuitem', { name: label, exact: true }).waitFor();
    // The menu fades in: the picture is taken once it is fully drawn.
    await expect.poll(() => page.locator('[role=menu]').evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
    await page.screenshot({ path: screenshotPath(`builder-contact-attribute-insert-${lang}`) });
    await page.getByRole('menuitem', { name: label, exact: true }).click();
    await expect.poll(() => page.inputValue('[data-testid=message-text]')).toBe('Loja em {{contact.cidade}}');
    await waitSaved(page);
    const saved = (await api(p.app, 'GET', `/v1/flows/${created.body.id}`, undefined, marketer)).body.document;
    expect(saved.nodes.find((n: { id: string }) => n.id === 'c').config.branches[0].rules[0].left).toBe('contact.cidade');
    expect(saved.nodes.find((n: { id: string }) => n.id === 'here').config.text).toBe('Loja em {{contact.cidade}}');

    await sayInTestChat(page, 'loja');
    await page.waitForSelector('[data-testid=test-bot-message]:has-text("Ainda não sabemos sua cidade, cliente.")');
    await page.screenshot({ path: screenshotPath(`builder-contact-attribute-test-chat-${lang}`) });
    expect(refused).toEqual([]);
  });

  it("when an Actions step sets an attribute and its name is typed in another letter case, then the workspace's attribute is offered and picked", async () => {
    const actions = flow(
      [at(keywordTrigger('mudei'), 0), at(node('set', 'actions', { actions: [{ kind: 'set_attribute', tags: [], name: '', value: '{{last_reply}}' }] }), 320)],
      [edge('start', 'next', 'set')],
    );
    const created = await api(p.app, 'POST', '/v1/flows', { name: `Mudança ${lang}`, document: actions }, marketer);
    const page = await signedInPage(browser, p.app, marketer, lang);
    await openFlow(page, p.app, created.body.id);
    await selectNode(page, 'set');
    await page.fill('[data-testid=action-0-name]', 'CID');
    const offered = page.getByRole('option', { name: 'cidade', exact: true });
    await offered.waitFor();
    // Only the names holding what was typed: "plano" is not among them.
    expect(await page.getByRole('option', { name: 'plano', exact: true }).count()).toBe(0);
    await page.screenshot({ path: screenshotPath(`builder-contact-attribute-action-${lang}`) });
    await offered.click();
    await expect.poll(() => page.inputValue('[data-testid=action-0-name]')).toBe('cidade');
    await waitSaved(page);
    const saved = (await api(p.app, 'GET', `/v1/flows/${created.body.id}`, undefined, marketer)).body.document;
    expect(saved.nodes.find((n: { id: string }) => n.id === 'set').config.actions[0].name).toBe('cidade');
  });
});
