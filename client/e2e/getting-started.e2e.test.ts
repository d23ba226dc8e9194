// A new workspace's owner sees "Get started" on the flows page: four steps that turn done from what
// the workspace has, buttons that lead to each, a card that can be hidden and goes away once all are done.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { edge, flow, keywordTrigger, node } from '../../server/test/flow-docs';
import { api, signupWorkspace } from '../../server/test/harness';
import { eventually } from '../../server/test/pipeline';
import { screenshotPath } from './browser';
import { signedInPage } from './builder-page';
import { startSignedUpSuite, type SignedUpSuite } from './suites';

let s: SignedUpSuite;
startSignedUpSuite('Primeiros passos', (started) => (s = started));

const progress = (page: Page) => page.getByTestId('getting-started-progress').textContent();
const doneOf = (page: Page, step: string) => page.getByTestId(`first-step-${step}`).getAttribute('data-done');

/** A web-chat channel and a published flow answering "oi". */
async function channelAndFlow(token: string) {
  const channel = await api(s.app, 'POST', '/v1/channels', { type: 'webchat', name: 'Site' }, token);
  const created = await api(s.app, 'POST', '/v1/flows', {
    name: 'Boas-vindas', document: flow([keywordTrigger('oi'), node('hello', 'message', { text: 'Olá!' })], [edge('start', 'next', 'hello')]),
  }, token);
  expect((await api(s.app, 'POST', `/v1/flows/${created.body.id}/publish`, {}, token)).status).toBe(201);
  return channel.body.id as string;
}

describe('getting started', () => {
  it('when a new owner opens the flows page in pt-BR, then the steps lead to each place, turn done as they are done, and can be hidden', async () => {
    const page = await signedInPage(s.browser, s.app, s.token, 'pt-BR');
    await page.goto(`${s.app.url}/flows`);
    await expect.poll(() => progress(page)).toBe('0 de 4 concluídos');
    await page.screenshot({ path: screenshotPath('getting-started-new-pt') });
    // "Novo fluxo" opens the same naming dialog as the page's own button.
    await page.getByTestId('first-step-flow').getByRole('button', { name: 'Novo fluxo' }).click();
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');

    await channelAndFlow(s.token);
    await page.reload();
    await expect.poll(() => progress(page)).toBe('2 de 4 concluídos');
    expect([await doneOf(page, 'channel'), await doneOf(page, 'flow'), await doneOf(page, 'conversation'), await doneOf(page, 'team')]).toEqual(['true', 'true', 'false', 'false']);
    await page.screenshot({ path: screenshotPath('getting-started-half-pt') });
    // With a web-chat channel, "talk to your bot" opens its try page in a new tab.
    expect(await page.getByTestId('first-step-try').getAttribute('href')).toMatch(/^\/try\/[0-9a-f-]{36}$/);
    await page.getByTestId('first-step-team').getByRole('link', { name: 'Convidar' }).click();
    await page.waitForURL(/\/settings\?tab=members$/);

    await page.goto(`${s.app.url}/flows`);
    await page.getByTestId('getting-started').waitFor();
    await page.getByTestId('getting-started-hide').click();
    await page.getByTestId('getting-started').waitFor({ state: 'detached' });
    await page.reload();
    await page.getByTestId('flows-table').or(page.getByTestId('create-first-flow')).first().waitFor();
    expect(await page.getByTestId('getting-started').count()).toBe(0);
    await page.close();
  });

  it('when every step is done, then the card is gone; on a phone in English it fits the screen', async () => {
    const owner = await signupWorkspace(s.app, 'Phone shop');
    const page = await signedInPage(s.browser, s.app, owner.token, 'en', true);
    await page.goto(`${s.app.url}/flows`);
    await expect.poll(() => progress(page)).toBe('0 of 4 done');
    const box = await page.getByTestId('getting-started').boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: screenshotPath('getting-started-phone-en'), fullPage: true });

    const channelId = await channelAndFlow(owner.token);
    const session = await api(s.app, 'POST', `/v1/webchat/${channelId}/sessions`, {});
    await api(s.app, 'POST', `/v1/webchat/${channelId}/messages`, { text: 'oi', clientMessageId: 'm-00000001' }, session.body.visitorToken);
    await eventually(async () => (await api(s.app, 'GET', '/v1/getting-started', undefined, owner.token)).body.steps.conversation);
    expect((await api(s.app, 'POST', '/v1/invitations', { email: 'caio@loja.com.br', role: 'agent' }, owner.token)).status).toBe(201);
    await page.reload();
    await page.getByTestId('flows-table').waitFor();
    expect(await page.getByTestId('getting-started').count()).toBe(0);
    await page.close();
  });

  it('when a workspace with only a web chat imports contacts, then the refusal offers an owner the way to connect a WhatsApp number', async () => {
    const owner = await signupWorkspace(s.app, 'Loja do site');
    await api(s.app, 'POST', '/v1/channels', { type: 'webchat', name: 'Site' }, owner.token);
    const page = await signedInPage(s.browser, s.app, owner.token, 'pt-BR');
    await page.goto(`${s.app.url}/contacts`);
    await page.getByTestId('contacts-import').click();
    await page.getByTestId('import-text').fill('telefone,nome\n+55 11 98888-1234,Carla');
    await page.getByTestId('import-start').click();
    await expect.poll(() => page.getByTestId('import-error').textContent()).toBe('Conecte um canal do WhatsApp antes de importar contatos.Conectar um canal');
    await page.screenshot({ path: screenshotPath('contacts-import-no-channel-pt-BR') });
    await page.getByTestId('import-add-channel').click();
    await page.waitForURL('**/settings?tab=channels');
  });
});
