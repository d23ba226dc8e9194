// Consent recorded by hand, in pt-BR: the contact drawer opts a customer out of marketing at once and
// back in only after asking; the inbox's side panel shows a PARAR the customer writes to an agent as
// soon as it arrives, and lets an owner opt them back in the same way; an agent opts a customer out from
// the chat after confirming (only out: opting back in is for the roles that manage contacts).
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { api } from '../../server/test/harness';
import { textMessage } from '../../server/test/fakes/whatsapp-payloads';
import { eventually, type Pipeline } from '../../server/test/pipeline';
import { screenshotPath } from './browser';
import { signedInPage } from './builder-page';
import { addAgent, agentPage, ownerAgent, settle } from './inbox-page';
import { startPipelineSuite } from './suites';

let p: Pipeline;
let browser: Browser;

startPipelineSuite((s) => ({ p, browser } = s));

const contactNamed = (name: string) =>
  eventually(async () => (await api(p.app, 'GET', `/v1/contacts?q=${encodeURIComponent(name)}`, undefined, p.token)).body.items[0]);
const contact = async (id: string) => (await api(p.app, 'GET', `/v1/contacts/${id}`, undefined, p.token)).body;

describe('opting out by hand (pt-BR)', () => {
  it('when a marketer opts a contact out in the drawer, then it shows at once, and opting back in is asked first', async () => {
    await p.wa.inbound({ waId: '5511987003344', name: 'Joana Prado' }, textMessage('oi'));
    const c = await contactNamed('Joana Prado');
    const page = await signedInPage(browser, p.app, p.token, 'pt-BR');
    await page.goto(`${p.app.url}/contacts`);
    await page.getByTestId('contacts-table').getByText('Joana Prado').click();
    const drawer = page.getByTestId('contact-drawer');
    await expect.poll(() => drawer.getByTestId('contact-consent').textContent()).toBe('MarketingRecebeDescadastrar do marketing');
    // "Recebe" claims no consent: the drawer says none is on record and how it ends.
    expect(await drawer.getByTestId('contact-no-opt-in').textContent()).toContain('Nenhum opt-in registrado');
    // Typed and not saved: a consent change does not throw it away.
    await page.getByTestId('contact-name').fill('Joana P. Prado');

    await page.getByTestId('contact-opt-out').click();
    await expect.poll(() => drawer.getByTestId('contact-consent').textContent()).toBe('MarketingDescadastradoReinscrever');
    expect(await drawer.getByTestId('contact-opted-out').textContent()).toMatch(/^Descadastrado em .+ \(registrado pela equipe\)\. Campanhas pulam este contato\.$/);
    expect(await page.getByTestId('contact-name').inputValue()).toBe('Joana P. Prado');
    expect(await page.getByTestId(`contact-${c.id}`).textContent()).toContain('Descadastrado');
    expect(await contact(c.id)).toMatchObject({ optedOut: true, optedOutVia: 'agent', name: 'Joana Prado' });
    await page.waitForFunction(() => document.getAnimations().length === 0);
    await page.screenshot({ path: screenshotPath('contacts-drawer-opted-out-pt-BR') });

    // Back in: asked first; "Cancelar" leaves the opt-out as it was.
    await page.getByTestId('contact-opt-in').click();
    const dialog = page.getByRole('dialog', { name: 'Reinscrever Joana Prado no marketing?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Só se o cliente pediu para voltar a receber ofertas.');
    await settle(page);
    await page.screenshot({ path: screenshotPath('contacts-opt-in-confirm-pt-BR') });
    await dialog.getByRole('button', { name: 'Cancelar' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await contact(c.id)).optedOut).toBe(true);
    await page.getByTestId('contact-opt-in').click();
    await page.getByTestId('contact-opt-in-confirm').click();
    await expect.poll(() => drawer.getByTestId('contact-consent').textContent()).toBe('MarketingRecebeDescadastrar do marketing');
    expect(await drawer.textContent()).toMatch(/Reinscrito em .+ \(registrado pela equipe\)\./);
    expect(await contact(c.id)).toMatchObject({ optedOut: false, optedInVia: 'agent' });
    // The name typed before is still there to save, and saving it leaves the consent alone.
    await page.getByTestId('contact-save').click();
    await expect.poll(async () => (await contact(c.id)).name).toBe('Joana P. Prado');
    expect(await contact(c.id)).toMatchObject({ optedOut: false, optedInVia: 'agent' });
    await page.close();
  });

  it('when the customer writes "Parar." to the agent holding the chat, then the side panel shows it and the owner can opt them back in', async () => {
    const owner = await ownerAgent(p);
    await p.wa.inbound({ waId: '5511987005566', name: 'Caio Nunes' }, textMessage('oi'));
    const c = await contactNamed('Caio Nunes');
    const conv = await eventually(async () => (await api(p.app, 'GET', '/v1/conversations?q=Caio', undefined, p.token)).body.items[0]);
    expect((await api(p.app, 'POST', `/v1/conversations/${conv.id}/assign`, { assigneeId: owner.userId }, p.token)).status).toBe(200);
    const { context, page } = await agentPage(browser, p, owner, { lang: 'pt-BR' });
    await page.goto(`${p.app.url}/inbox/${conv.id}`);
    const consent = page.getByTestId('side-panel').getByTestId('contact-consent');
    await expect.poll(() => consent.textContent()).toBe('Descadastrar do marketing');

    await p.wa.inbound({ waId: '5511987005566', name: 'Caio Nunes' }, textMessage('Parar.'));
    await expect.poll(() => consent.textContent(), { timeout: 15_000 }).toBe('DescadastradoReinscrever');
    expect((await contact(c.id)).optedOutVia).toBe('keyword');
    await settle(page);
    await page.screenshot({ path: screenshotPath('inbox-contact-opted-out-pt-BR') });

    await consent.getByTestId('contact-opt-in').click();
    await page.getByRole('dialog', { name: 'Reinscrever Caio Nunes no marketing?' }).waitFor();
    await page.getByTestId('contact-opt-in-confirm').click();
    await expect.poll(() => consent.textContent()).toBe('Descadastrar do marketing');
    expect(await contact(c.id)).toMatchObject({ optedOut: false, optedInVia: 'agent' });
    await context.close();
  });

  for (const [lang, waId, name, words] of [
    ['pt-BR', '5511987007788', 'Lia Moraes', { action: 'Descadastrar do marketing', title: 'Descadastrar Lia Moraes do marketing?', confirm: 'Descadastrar', badge: 'Descadastrado' }],
    ['en', '5511987007799', 'Rui Barros', { action: 'Opt out of marketing', title: 'Opt Rui Barros out of marketing?', confirm: 'Opt out', badge: 'Opted out' }],
  ] as const) {
    it(`when the customer asks an agent in their own words to stop offers (${lang}), then the agent opts them out from the side panel after confirming, and cannot opt them back in`, async () => {
      const agent = await addAgent(p, `Agente ${name}`);
      await p.wa.inbound({ waId, name }, textMessage('por favor não quero mais receber promoções'));
      const c = await contactNamed(name);
      const conv = await eventually(async () => (await api(p.app, 'GET', `/v1/conversations?q=${encodeURIComponent(name)}`, undefined, p.token)).body.items[0]);
      expect((await api(p.app, 'POST', `/v1/conversations/${conv.id}/assign`, { assigneeId: agent.userId }, p.token)).status).toBe(200);
      const { context, page } = await agentPage(browser, p, agent, { lang });
      await page.goto(`${p.app.url}/inbox/${conv.id}`);
      const consent = page.getByTestId('side-panel').getByTestId('contact-consent');
      await expect.poll(() => consent.textContent()).toBe(words.action);
      await consent.getByTestId('contact-opt-out').click();
      const dialog = page.getByRole('dialog', { name: words.title });
      await dialog.waitFor();
      await settle(page);
      await page.screenshot({ path: screenshotPath(`inbox-agent-opt-out-confirm-${lang}`) });
      await dialog.getByRole('button', { name: lang === 'en' ? 'Cancel' : 'Cancelar' }).click();
      await dialog.waitFor({ state: 'hidden' });
      expect((await contact(c.id)).optedOut).toBe(false);
      await consent.getByTestId('contact-opt-out').click();
      await page.getByTestId('contact-opt-out-confirm').click();
      // Out, in the agent's name; no "opt back in" for an agent.
      await expect.poll(() => consent.textContent()).toBe(words.badge);
      expect(await contact(c.id)).toMatchObject({ optedOut: true, optedOutVia: 'agent' });
      await settle(page);
      await page.screenshot({ path: screenshotPath(`inbox-agent-opted-out-${lang}`) });
      await context.close();
    });
  }
});
