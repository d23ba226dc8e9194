// Teams and integrators in the browser: the owner invites an agent, the agent accepts the link and
// sees only the inbox; the owner creates an API key, shown once, that works on the API; the audit
// log names webhook endpoints and the AI provider by their address.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addMember } from '../../server/test/agents';
import { api, signupWorkspace, type TestApp } from '../../server/test/harness';
import { screenshotPath } from './browser';
import { signedInPage } from './builder-page';
import { startAppSuite } from './suites';

let app: TestApp;
let browser: Browser;

startAppSuite((s) => ({ app, browser } = s));

async function newPage(locale: string): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  return context.newPage();
}

async function ownerSignsUp(page: Page, email = `ana${Date.now()}@example.com`) {
  await page.goto(`${app.url}/signup`);
  await page.fill('input[name=workspaceName]', 'Doceria da Ana');
  await page.fill('input[name=name]', 'Ana Souza');
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', 'senha-forte-123');
  await page.click('[data-testid=signup-submit]');
  await page.waitForURL('**/flows');
}

// Screenshots wait for a dialog's opening transition, or they catch it half transparent.
const dialogSettled = (page: Page) =>
  page.waitForFunction(() => {
    const el = document.querySelector('[role=dialog]');
    return el !== null && getComputedStyle(el).opacity === '1';
  });

describe('members and API keys', () => {
  it('when the owner invites an agent, then the agent accepts the link and sees only the inbox', async () => {
    const owner = await newPage('en-US');
    const ownerEmail = `ana${Date.now()}@example.com`;
    await ownerSignsUp(owner, ownerEmail);
    await owner.click('[data-testid=nav-settings]');
    await owner.click('[data-testid=settings-tab-members]');
    // The app checks the address itself (the browser's own bubble would speak the browser's language).
    await owner.fill('input[name=inviteEmail]', 'bruno');
    await owner.click('[data-testid=invite-submit]');
    await owner.getByText('Enter a valid email.').waitFor();
    // The only owner can neither leave nor stop being one.
    expect(await owner.getByTestId(`member-remove-${ownerEmail}`).isDisabled()).toBe(true);
    expect(await owner.getByTestId(`member-role-${ownerEmail}`).isDisabled()).toBe(true);
    const email = `bruno${Date.now()}@example.com`;
    await owner.fill('input[name=inviteEmail]', email);
    await owner.click('[data-testid=invite-submit]');
    const first = (await owner.locator('[data-testid=invitation-link]').textContent())!;
    expect(first).toContain('/accept-invitation?token=');
    // This server has no email set up: the owner is told to hand the link over.
    expect(await owner.getByText('No email went out: this server has no email set up (SMTP_URL). Copy the link now and send it to them yourself; it is shown only this once.').count()).toBe(1);
    await owner.locator('[data-testid=invitations-table]').getByText(email).waitFor();
    expect(await owner.getByTestId('invitation-replaced').count()).toBe(0);
    // Invited again (the first email got lost): the new link replaces the first, and the page says so.
    await owner.fill('input[name=inviteEmail]', email);
    await owner.click('[data-testid=invite-submit]');
    await expect.poll(() => owner.locator('[data-testid=invitation-link]').textContent()).not.toBe(first);
    expect(await owner.getByTestId('invitation-replaced').textContent()).toBe(`A new invitation for ${email}: the earlier link no longer works, only this new one does.`);
    expect((await api(app, 'POST', '/v1/auth/invitation-preview', { token: new URL(first).searchParams.get('token') })).status).toBe(404);
    const link = (await owner.locator('[data-testid=invitation-link]').textContent())!;
    expect(await owner.locator('[data-testid=invitations-table]').getByText(email).count()).toBe(1);
    await owner.screenshot({ path: screenshotPath('members-invite-en') });

    const agent = await newPage('pt-BR');
    // While the link is read (held back here), a spinner: no generic title the workspace's replaces.
    let release = () => undefined as void;
    const held = new Promise<void>((r) => (release = r));
    await agent.route('**/v1/auth/invitation-preview', async (route) => {
      await held;
      await route.continue();
    });
    await agent.goto(link);
    await agent.getByTestId('invitation-loading').waitFor();
    expect(await agent.getByRole('heading').count()).toBe(0);
    release();
    // Before signing in, the page says whose workspace this is, who invited and as what.
    await agent.getByRole('heading', { name: 'Entrar em Doceria da Ana' }).waitFor();
    await agent.unroute('**/v1/auth/invitation-preview');
    await agent.getByText(`Ana Souza convidou você como Atendente (${email}).`, { exact: false }).waitFor();
    await agent.screenshot({ path: screenshotPath('members-accept-invitation-pt-BR') });
    await agent.fill('input[name=name]', 'Bruno Lima');
    await agent.fill('input[name=password]', 'senha-do-bruno-1');
    await agent.click('[data-testid=accept-submit]');
    await agent.waitForURL('**/inbox**');
    await agent.locator('[data-testid=nav-inbox]').waitFor();
    for (const hidden of ['flows', 'reports', 'settings']) expect(await agent.locator(`[data-testid=nav-${hidden}]`).count()).toBe(0);

    // The used link, opened again (a second click in the email): only why it no longer works and a
    // way to log in, no "you were invited… choose a password" form to fill in vain.
    const again = await newPage('pt-BR');
    await again.goto(link);
    await again.getByTestId('invitation-gone').waitFor();
    await again.getByRole('heading', { name: 'Este link de convite não funciona' }).waitFor();
    expect(await again.getByText('Você foi convidado').count()).toBe(0);
    expect(await again.locator('input').count()).toBe(0);
    await again.screenshot({ path: screenshotPath('members-invitation-used-pt-BR') });
    await again.getByRole('link', { name: 'Ir para o login' }).click();
    await again.waitForURL('**/login');
    await agent.screenshot({ path: screenshotPath('members-agent-inbox-pt-BR') });
    // An address of an area agents do not use (a bookmark, a colleague's link) lands on the inbox, not on a page of 403s.
    for (const path of ['/flows', '/reports', '/campaigns', '/settings?tab=members', '/flows/00000000-0000-4000-8000-000000000000']) {
      await agent.goto(`${app.url}${path}`);
      await agent.waitForURL(`${app.url}/inbox`);
    }

    await owner.reload();
    await owner.locator(`[data-testid="member-${email}"]`).waitFor();
    expect(await owner.locator(`[data-testid="member-${email}"]`).textContent()).toContain('Bruno Lima');
    // Removed, Bruno's open inbox ends at once and tells him so, naming the workspace, not that his
    // session expired.
    await owner.click(`[data-testid="member-remove-${email}"]`);
    await owner.click('[data-testid=confirm-remove-member]');
    await owner.locator(`[data-testid="member-${email}"]`).waitFor({ state: 'detached' });
    await agent.waitForURL('**/login', { timeout: 15_000 });
    expect(await agent.getByTestId('removed-from-workspace').textContent()).toBe('Você não tem mais acesso a Doceria da Ana: quem administra o espaço removeu você. Se foi um engano, peça um novo convite.');
    await agent.screenshot({ path: screenshotPath('members-removed-pt-BR') });

    // Revoking a pending invitation asks first; once revoked, its link no longer lets anyone in.
    const carla = `carla${Date.now()}@example.com`;
    await owner.fill('input[name=inviteEmail]', carla);
    await owner.click('[data-testid=invite-submit]');
    await owner.locator('[data-testid=invitations-table]').getByText(carla).waitFor();
    await expect.poll(() => owner.locator('[data-testid=invitation-link]').textContent()).not.toBe(link);
    const carlaLink = (await owner.locator('[data-testid=invitation-link]').textContent())!;
    expect(await owner.getByTestId('invitation-replaced').count()).toBe(0);
    await owner.click(`[data-testid="invitation-revoke-${carla}"]`);
    await owner.getByText(`Revoke the invitation for ${carla}?`).waitFor();
    await owner.click('[data-testid=confirm-revoke-invitation]');
    await owner.locator('[data-testid=invitations-table]').getByText(carla).waitFor({ state: 'detached' });
    const token = new URL(carlaLink).searchParams.get('token');
    expect((await api(app, 'POST', '/v1/auth/accept-invitation', { token, name: 'Carla', password: 'senha-da-carla-1' })).status).toBe(404);
    // Opened anyway, the revoked link says so at once and offers no form to fill in vain.
    const late = await newPage('en-US');
    await late.goto(carlaLink);
    await late.getByTestId('invitation-gone').waitFor();
    expect(await late.locator('input').count()).toBe(0);
    expect(await late.getByRole('link', { name: 'Go to log in' }).getAttribute('href')).toBe('/login');
    await late.screenshot({ path: screenshotPath('members-invitation-gone-en') });
    // When the preview could not be read (offline for a moment), the form shows; the refusal on
    // joining then leads to the same dead-end page with its way out.
    const blind = await newPage('en-US');
    await blind.route('**/v1/auth/invitation-preview', (route) => route.abort());
    await blind.goto(carlaLink);
    await blind.fill('input[name=name]', 'Carla');
    await blind.fill('input[name=password]', 'senha-da-carla-1');
    await blind.click('[data-testid=accept-submit]');
    await blind.getByTestId('invitation-gone').waitFor();
    expect(await blind.locator('input').count()).toBe(0);
    await blind.getByRole('link', { name: 'Go to log in' }).waitFor();
  });

  it('when the server has no email set up, then the invite form says before sending that the link is handed over, in both languages', async () => {
    const owner = await signupWorkspace(app, 'Doceria da Bia');
    const page = await signedInPage(browser, app, owner.token, 'pt-BR');
    await page.goto(`${app.url}/settings?tab=members`);
    await expect.poll(() => page.getByTestId('invite-hint').textContent()).toBe(
      'Este servidor não envia e-mails (SMTP_URL não está configurado): você recebe um link para mandar à pessoa, que entra com o papel escolhido. Administradores gerenciam tudo; marketing cria fluxos, contatos e campanhas; atendentes respondem a caixa de entrada.',
    );
    await page.screenshot({ path: screenshotPath('members-invite-hint-pt-BR') });
    const en = await signedInPage(browser, app, owner.token, 'en');
    await en.goto(`${app.url}/settings?tab=members`);
    await expect.poll(() => en.getByTestId('invite-hint').textContent()).toBe(
      'This server sends no email (SMTP_URL is not set): you get a link to send them yourself, to join with the role you choose. Admins manage everything; marketers build flows, contacts and campaigns; agents answer the inbox.',
    );
    await en.screenshot({ path: screenshotPath('members-invite-hint-en') });
    expect(await en.getByText('by email').count()).toBe(0);
    await Promise.all([page.close(), en.close()]);
  });

  it("when the owner picks a new role for a member, then a dialog names the person, both roles and the teams they leave, by name; Escape and Cancel keep the role, confirming applies it", async () => {
    const owner = await signupWorkspace(app, 'Doceria da Bia');
    const carlos = await addMember(app, owner.workspace.id, 'Carlos Lima', 'agent');
    for (const name of ['Vendas', 'Suporte']) expect((await api(app, 'POST', '/v1/teams', { name, memberIds: [carlos.id] }, owner.token)).status).toBe(201);
    const page = await signedInPage(browser, app, owner.token, 'pt-BR');
    await page.goto(`${app.url}/settings?tab=members`);
    const role = page.getByTestId(`member-role-${carlos.email}`);
    const pick = async (name: string) => {
      await role.click();
      await page.getByRole('option', { name, exact: true }).click();
      await page.getByTestId('confirm-role-change').waitFor();
    };
    const stored = async () => (await api(app, 'GET', '/v1/members', undefined, owner.token)).body.items.find((m: { userId: string }) => m.userId === carlos.id);

    await pick('Marketing');
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByRole('heading').textContent()).toBe('Mudar o papel de Carlos Lima?');
    const body = (await page.getByTestId('role-change-body').innerText()).replace(/\s+/g, ' ');
    expect(body).toContain('Carlos Lima passa de Atendente para Marketing.');
    // The teams are named, as a list in Portuguese, not counted.
    expect(body).toContain('Deixa de ver a caixa de entrada e sai das equipes Suporte e Vendas: as conversas delas não chegam mais a essa pessoa.');
    // The focus starts on the confirm button, as in the app's other confirm dialogs.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('confirm-role-change');
    await dialogSettled(page);
    await page.screenshot({ path: screenshotPath('members-role-confirm-pt-BR') });
    await page.keyboard.press('Escape');
    await page.getByTestId('confirm-role-change').waitFor({ state: 'detached' });
    expect(await role.inputValue()).toBe('Atendente');

    await pick('Marketing');
    await page.getByTestId('cancel-role-change').click();
    await page.getByTestId('confirm-role-change').waitFor({ state: 'detached' });
    expect(await role.inputValue()).toBe('Atendente');
    await page.reload();
    await expect.poll(() => role.inputValue()).toBe('Atendente');
    expect(await stored()).toMatchObject({ role: 'agent', teamIds: [expect.any(String), expect.any(String)] });

    await pick('Marketing');
    await page.getByTestId('confirm-role-change').click();
    await page.getByText('Carlos Lima agora é Marketing.').waitFor();
    // The list is read again after the change: the select shows the new role once it answers.
    await expect.poll(() => role.inputValue()).toBe('Marketing');
    expect(await stored()).toMatchObject({ role: 'marketer', teamIds: [] });
    await page.reload();
    await expect.poll(() => role.inputValue()).toBe('Marketing');

    // In English, making someone an admin says what they may now manage.
    const en = await signedInPage(browser, app, owner.token, 'en');
    await en.goto(`${app.url}/settings?tab=members`);
    await en.getByTestId(`member-role-${carlos.email}`).click();
    await en.getByRole('option', { name: 'Admin', exact: true }).click();
    await en.getByTestId('confirm-role-change').waitFor();
    expect(await en.getByRole('dialog').getByRole('heading').textContent()).toBe("Change Carlos Lima's role?");
    expect((await en.getByTestId('role-change-body').innerText()).replace(/\s+/g, ' ')).toContain('Carlos Lima goes from Marketer to Admin. They can manage the workspace');
    await dialogSettled(en);
    await en.screenshot({ path: screenshotPath('members-role-confirm-en') });
    await en.keyboard.press('Escape');
    await en.getByTestId('confirm-role-change').waitFor({ state: 'detached' });
    expect(await en.getByTestId(`member-role-${carlos.email}`).inputValue()).toBe('Marketer');
    expect((await stored()).role).toBe('marketer');
    // An agent in one team, made a marketer: the team is named in English too.
    const dani = await addMember(app, owner.workspace.id, 'Dani Rocha', 'agent');
    expect((await api(app, 'POST', '/v1/teams', { name: 'Sales', memberIds: [dani.id] }, owner.token)).status).toBe(201);
    await en.reload();
    await en.getByTestId(`member-role-${dani.email}`).click();
    await en.getByRole('option', { name: 'Marketer', exact: true }).click();
    expect((await en.getByTestId('role-change-body').innerText()).replace(/\s+/g, ' ')).toContain('They no longer see the inbox and leave the team Sales: its chats stop reaching them.');
    await dialogSettled(en);
    await en.screenshot({ path: screenshotPath('members-role-confirm-team-en') });
    await en.keyboard.press('Escape');
    await Promise.all([page.close(), en.close()]);
  });

  it('when the owner confirms a new role, then the select shows it at once, before the server or the list answers; when the server refuses (the last owner), it goes back', async () => {
    const owner = await signupWorkspace(app, 'Doceria da Eva');
    const eva = await addMember(app, owner.workspace.id, 'Eva Nunes', 'agent');
    const olga = await addMember(app, owner.workspace.id, 'Olga Reis', 'owner');
    const page = await signedInPage(browser, app, owner.token, 'pt-BR');
    await page.goto(`${app.url}/settings?tab=members`);
    const me = (await api(app, 'GET', '/v1/me', undefined, owner.token)).body.user as { id: string; email: string };
    // The change and the list read after it are held back, to look at the select while they wait.
    const holds: Array<() => void> = [];
    let holdReload = false;
    await page.route('**/v1/members**', async (route) => {
      const change = route.request().method() === 'PATCH';
      if (change || holdReload) {
        holdReload = change;
        await new Promise<void>((release) => holds.push(release));
      }
      await route.continue();
    });
    const releaseAll = () => holds.splice(0).forEach((release) => release());
    const choose = async (email: string, name: string) => {
      await page.getByTestId(`member-role-${email}`).click();
      await page.getByRole('option', { name, exact: true }).click();
      await page.getByTestId('confirm-role-change').click();
    };

    const evaRole = page.getByTestId(`member-role-${eva.email}`);
    await choose(eva.email, 'Marketing');
    await expect.poll(() => holds.length).toBe(1);
    expect(await evaRole.inputValue()).toBe('Marketing');
    releaseAll();
    // Applied: the toast says so while the list read again is still held, and the select keeps the new role.
    await page.getByText('Eva Nunes agora é Marketing.').waitFor();
    await expect.poll(() => holds.length).toBe(1);
    expect(await evaRole.inputValue()).toBe('Marketing');
    // The page must have its answer (two owners) before Olga changes below, or it could read her new role.
    const reloaded = page.waitForResponse((r) => r.request().method() === 'GET' && new URL(r.url()).pathname === '/v1/members');
    releaseAll();
    await reloaded;
    await expect.poll(async () => (await api(app, 'GET', '/v1/members', undefined, owner.token)).body.items.find((m: { userId: string }) => m.userId === eva.id).role).toBe('marketer');

    // Olga stops being an owner elsewhere; this page still shows two owners, so Ana may try to step down.
    expect((await api(app, 'PATCH', `/v1/members/${olga.id}`, { role: 'admin' }, owner.token)).status).toBe(200);
    const myRole = page.getByTestId(`member-role-${me.email}`);
    await choose(me.email, 'Administrador');
    await expect.poll(() => holds.length).toBe(1);
    expect(await myRole.inputValue()).toBe('Administrador');
    releaseAll();
    await page.getByText('Um espaço de trabalho precisa de pelo menos um proprietário.').waitFor();
    await expect.poll(() => myRole.inputValue()).toBe('Proprietário');
    expect((await api(app, 'GET', '/v1/me', undefined, owner.token)).body.role).toBe('owner');
    // The list is read again: Olga is an admin now, and Ana, the last owner, can no longer step down.
    releaseAll();
    await expect.poll(() => page.getByTestId(`member-role-${olga.email}`).inputValue()).toBe('Administrador');
    await expect.poll(() => myRole.isDisabled()).toBe(true);
    await page.screenshot({ path: screenshotPath('members-role-refused-pt-BR') });
    await page.unroute('**/v1/members**');
    await page.close();
  });

  it('when the owner creates an API key, then it is shown once, listed without the secret, and works on the API', async () => {
    // Portuguese chosen in Zyntra on a browser set to American English: dates follow Zyntra's language.
    const owner = await newPage('en-US');
    await owner.addInitScript(() => localStorage.setItem('zyntra.lang', 'pt-BR'));
    await ownerSignsUp(owner);
    await owner.click('[data-testid=nav-settings]');
    await owner.click('[data-testid=settings-tab-apiKeys]');
    await owner.fill('input[name=apiKeyName]', 'CRM');
    await owner.click('[data-testid=api-key-create]');
    const key = (await owner.locator('[data-testid=api-key-value]').textContent())!;
    expect(key).toMatch(/^zk_[\w-]{40,}$/);
    await owner.locator('[data-testid=api-key-CRM]').waitFor();
    expect(await owner.locator('[data-testid=api-keys-table]').textContent()).not.toContain(key);
    await owner.screenshot({ path: screenshotPath('members-api-key-pt-BR') });
    const res = await fetch(`${app.url}/v1/channels`, { headers: { authorization: `Bearer ${key}` } });
    expect(res.status).toBe(200);

    await owner.click('[data-testid=settings-tab-audit]');
    await owner.locator('[data-testid=audit-table]').getByText('Chave de API criada').waitFor();
    const when = (await owner.locator('[data-testid=audit-table] tbody tr td').first().textContent())!;
    expect(when).toMatch(/^\d{2}\/\d{2}\/\d{4},? \d{2}:\d{2}:\d{2}$/);
    // Each entry names what it was about in words: the key and its role, the workspace by name, no
    // field names or ids.
    const details = await owner.getByTestId('audit-details').allTextContents();
    expect(details[0]).toMatch(/^CRM · (Administrador|Atendente|Marketing)$/);
    expect(details.at(-1)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(details.join(' ')).not.toMatch(/\b(name|role|from|to):/);
    await owner.screenshot({ path: screenshotPath('members-audit-pt-BR') });

    // Revoking other keys leaves the new one on show; revoking the one shown takes it away, so no
    // dead key is left offered to copy.
    const token = await owner.evaluate(() => JSON.parse(localStorage.getItem('zyntra.auth') ?? '{}')?.state?.token as string);
    expect((await api(app, 'POST', '/v1/api-keys', { name: 'Planilha', role: 'agent' }, token)).status).toBe(201);
    await owner.click('[data-testid=settings-tab-apiKeys]');
    await owner.fill('input[name=apiKeyName]', 'ERP');
    await owner.click('[data-testid=api-key-create]');
    await owner.getByTestId('api-key-ERP').waitFor();
    const erp = (await owner.locator('[data-testid=api-key-value]').textContent())!;
    for (const other of ['Planilha', 'CRM']) {
      await owner.getByTestId(`api-key-${other}`).getByRole('button', { name: 'Revogar chave' }).click();
      await owner.getByTestId('confirm-revoke-key').click();
      await owner.getByTestId(`api-key-${other}`).waitFor({ state: 'detached' });
      expect(await owner.locator('[data-testid=api-key-value]').textContent()).toBe(erp);
    }
    await owner.getByTestId('api-key-ERP').getByRole('button', { name: 'Revogar chave' }).click();
    await owner.getByTestId('confirm-revoke-key').click();
    await owner.getByText('Nenhuma chave de API ainda.').waitFor();
    expect(await owner.locator('[data-testid=api-key-value]').count()).toBe(0);
    await owner.screenshot({ path: screenshotPath('members-api-key-revoked-pt-BR') });
    expect((await api(app, 'GET', '/v1/channels', undefined, erp)).status).toBe(401);
  });

  it('when an owner adds, changes, re-keys and deletes a webhook endpoint and sets the AI provider, then the audit log names each by its address in pt-BR, with no secret', async () => {
    const owner = await newPage('pt-BR');
    await ownerSignsUp(owner);
    const token = await owner.evaluate(() => JSON.parse(localStorage.getItem('zyntra.auth') ?? '{}')?.state?.token as string | undefined);
    const hook = 'https://erp.doceria.com.br/webhooks/zyntra';
    const created = (await api(app, 'POST', '/v1/webhook-endpoints', { url: 'https://erp-antigo.doceria.com.br/hook', events: ['message.received'] }, token)).body;
    expect((await api(app, 'PATCH', `/v1/webhook-endpoints/${created.id}`, { url: hook, events: ['message.received', 'message.sent'], active: false }, token)).status).toBe(200);
    const rotated = (await api(app, 'POST', `/v1/webhook-endpoints/${created.id}/rotate-secret`, {}, token)).body;
    expect((await api(app, 'DELETE', `/v1/webhook-endpoints/${created.id}`, undefined, token)).status).toBe(204);
    expect((await api(app, 'PUT', '/v1/settings/ai', { baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini', apiKey: 'sk-segredo-da-doceria' }, token)).status).toBe(200);

    await owner.goto(`${app.url}/settings?tab=audit`);
    const table = owner.locator('[data-testid=audit-table]');
    await table.getByText('Provedor de IA alterado').waitFor();
    const rows = (await table.locator('tbody tr').allInnerTexts()).slice(0, 5).map((r) => r.split('\t').slice(1).join(' | '));
    expect(rows).toEqual([
      'Ana Souza | Provedor de IA alterado | https://api.openai.com/v1 · gpt-4o-mini · nova chave de API',
      `Ana Souza | Endpoint de webhook excluído | ${hook}`,
      `Ana Souza | Segredo do webhook trocado | ${hook}`,
      `Ana Souza | Endpoint de webhook alterado | ${hook} · alterações: URL, eventos · antes https://erp-antigo.doceria.com.br/hook · pausado`,
      'Ana Souza | Endpoint de webhook adicionado | https://erp-antigo.doceria.com.br/hook',
    ]);
    const page = await owner.locator('body').innerText();
    for (const secret of [created.secret, rotated.secret, 'sk-segredo']) expect(page).not.toContain(secret);
    await owner.screenshot({ path: screenshotPath('audit-integrations-pt-BR') });
  });

  it('when an owner manages the team on a 390 px phone in pt-BR, then roles are readable and nothing scrolls sideways', async () => {
    const context = await browser.newContext({ locale: 'pt-BR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const ownerEmail = `ana.souza.da.doceria.${Date.now()}@example.com`;
    await ownerSignsUp(page, ownerEmail);
    const token = await page.evaluate(() => JSON.parse(localStorage.getItem('zyntra.auth') ?? '{}')?.state?.token as string | undefined);
    const invited = `bruno.atendente.com.email.longo.${Date.now()}@example.com`;
    expect((await api(app, 'POST', '/v1/invitations', { email: invited, role: 'agent' }, token)).status).toBe(201);
    await page.goto(`${app.url}/settings?tab=members`);
    await page.getByTestId(`member-role-${ownerEmail}`).waitFor();
    await page.locator('[data-testid=invitations-table]').getByText(invited).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const role = (await page.getByTestId(`member-role-${ownerEmail}`).boundingBox())!;
    expect(role.width).toBeGreaterThanOrEqual(110);
    expect(await page.getByTestId(`member-role-${ownerEmail}`).inputValue()).toBe('Proprietário');
    expect(await page.getByTestId(`member-${ownerEmail}`).getByTestId('member-you').isVisible()).toBe(true);
    // The invitation's role reads whole, not cut to "A…".
    const label = page.locator('[data-testid=invitations-table] .mantine-Badge-label').first();
    expect(await label.textContent()).toBe('Atendente');
    expect(await label.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
    const revoke = (await page.getByTestId(`invitation-revoke-${invited}`).boundingBox())!;
    expect(revoke.x + revoke.width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: screenshotPath('members-phone-pt-BR'), fullPage: true });
    // The audit log reads as short blocks on a phone: what, about whom, who and when, nothing off-screen.
    await page.goto(`${app.url}/settings?tab=audit`);
    await page.getByTestId('audit-entry').first().waitFor();
    expect(await page.getByTestId('audit-entry').first().innerText()).toMatch(/^Membro convidado\n+bruno\.atendente.+ · Atendente\n+Ana Souza · /);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: screenshotPath('audit-phone-pt-BR') });
    await context.close();
  });

  // A name or email shows whole: nothing cut off or hidden, however many lines it takes.
  const shownWhole = (e: Element) => e.scrollWidth <= e.clientWidth && getComputedStyle(e).textOverflow !== 'ellipsis';

  // An API key's long name is one line, cut with "…" and whole on hover, never broken mid-word.
  const oneLineOrCut = (e: Element) => {
    const range = document.createRange();
    range.selectNodeContents(e);
    const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    const style = getComputedStyle(e);
    const cut = e.scrollWidth > e.clientWidth;
    return { lines, whole: !cut || (style.textOverflow === 'ellipsis' && e.getAttribute('title') === e.textContent) };
  };

  it.each([['en-US', 'en'], ['pt-BR', 'pt-BR']])('when members and API keys are listed on a 390 px phone in %s, then long names and emails show whole over lines, "you" stays, and a key\'s long name is cut with "…"', async (locale, shot) => {
    const context = await browser.newContext({ locale, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const ownerEmail = `ana.souza.da.doceria.da.esquina.${Date.now()}@example.com`;
    await ownerSignsUp(page, ownerEmail);
    const token = await page.evaluate(() => JSON.parse(localStorage.getItem('zyntra.auth') ?? '{}')?.state?.token as string | undefined);
    const workspaceId = (await api(app, 'GET', '/v1/me', undefined, token)).body.workspace.id as string;
    const long = await addMember(app, workspaceId, 'Maria Aparecida dos Santos Bittencourt de Albuquerque', 'agent');
    const invited = `bruno.atendente.com.email.longo.${Date.now()}@example.com`;
    expect((await api(app, 'POST', '/v1/invitations', { email: invited, role: 'agent' }, token)).status).toBe(201);
    expect((await api(app, 'POST', '/v1/api-keys', { name: 'Integração com o sistema de pedidos da loja', role: 'admin' }, token)).status).toBe(201);
    await page.goto(`${app.url}/settings?tab=members`);
    const row = page.getByTestId(`member-${long.email}`);
    await row.waitFor();
    await page.locator('[data-testid=invitations-table]').getByText(invited).waitFor();
    const mine = page.getByTestId(`member-${ownerEmail}`);
    for (const [text, whole] of [[row.getByTestId('member-name'), long.name], [row.getByTestId('member-email'), long.email], [mine.getByTestId('member-email'), ownerEmail], [page.getByTestId('invitation-email'), invited]] as const) {
      expect(await text.textContent()).toBe(whole);
      expect(await text.evaluate(shownWhole), whole).toBe(true);
    }
    // The owner's own row still says it is them, beside the name.
    expect(await mine.getByTestId('member-you').textContent()).toBe(locale === 'en-US' ? '· you' : '· você');
    const you = (await mine.getByTestId('member-you').boundingBox())!;
    expect(you.x + you.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: screenshotPath(`members-phone-long-${shot}`), fullPage: true });

    await page.goto(`${app.url}/settings?tab=apiKeys`);
    const name = page.getByTestId('api-key-name');
    await name.waitFor();
    expect(await name.evaluate(oneLineOrCut)).toEqual({ lines: 1, whole: true });
    expect(await page.getByTestId('api-key-used-phone').textContent()).toBe(locale === 'en-US' ? 'Last used: Never' : 'Último uso: Nunca');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: screenshotPath(`api-keys-phone-${shot}`), fullPage: true });
    await context.close();
  });

  it('when the owner invites at 1280 px in pt-BR, then the pending emails read whole, and inviting one again says the earlier link stopped working', async () => {
    const page = await newPage('pt-BR');
    await ownerSignsUp(page);
    await page.click('[data-testid=nav-settings]');
    await page.click('[data-testid=settings-tab-members]');
    const marta = `marta.reis.marketing${Date.now()}@doceria.com.br`;
    for (const [email, role] of [[marta, 'Marketing'], [`carla${Date.now()}@doceria.com.br`, 'Atendente']]) {
      await page.fill('input[name=inviteEmail]', email);
      await page.getByTestId('invite-role').click();
      await page.getByRole('option', { name: role }).click();
      await page.click('[data-testid=invite-submit]');
      await page.locator('[data-testid=invitations-table]').getByText(email).waitFor();
    }
    for (const email of await page.getByTestId('invitation-email').all()) {
      expect(await email.textContent()).toMatch(/@doceria\.com\.br$/);
      expect(await email.evaluate(shownWhole)).toBe(true);
      // One line: the card has the room.
      expect((await email.boundingBox())!.height).toBeLessThan(30);
    }
    const first = (await page.locator('[data-testid=invitation-link]').textContent())!;
    await page.fill('input[name=inviteEmail]', marta);
    await page.click('[data-testid=invite-submit]');
    await expect.poll(() => page.locator('[data-testid=invitation-link]').textContent()).not.toBe(first);
    expect(await page.getByTestId('invitation-replaced').textContent()).toBe(`Novo convite para ${marta}: o link anterior não funciona mais, só este novo vale.`);
    expect(await page.locator('[data-testid=invitations-table]').getByText(marta).count()).toBe(1);
    await page.screenshot({ path: screenshotPath('members-invite-again-pt-BR'), fullPage: true });
    await page.context().close();
  });

  it('when the owner makes an admin an agent in pt-BR, then the toast says the API key the admin created stopped working, and it has', async () => {
    const page = await newPage('pt-BR');
    await ownerSignsUp(page);
    const me = await page.evaluate(() => JSON.parse(localStorage.getItem('zyntra.auth') ?? '{}')?.state as { token: string });
    const workspaceId = (await api(app, 'GET', '/v1/me', undefined, me.token)).body.workspace.id as string;
    const lia = await addMember(app, workspaceId, 'Lia', 'admin');
    const key = (await api(app, 'POST', '/v1/api-keys', { name: 'ERP da Lia', role: 'admin' }, lia.token)).body.key as string;
    expect((await api(app, 'GET', '/v1/channels', undefined, key)).status).toBe(200);
    await page.goto(`${app.url}/settings?tab=members`);
    await page.getByTestId(`member-role-${lia.email}`).click();
    await page.getByRole('option', { name: 'Atendente' }).click();
    // Asked first, saying that the keys she created stop working.
    expect(await page.getByTestId('role-change-body').innerText()).toContain('as chaves de API que criou param de funcionar');
    await page.getByTestId('confirm-role-change').click();
    await page.getByText('Lia agora é Atendente. A chave de API que criou com um papel que não tem mais parou de funcionar.').waitFor();
    await page.screenshot({ path: screenshotPath('members-demoted-keys-pt-BR') });
    expect((await api(app, 'GET', '/v1/channels', undefined, key)).status).toBe(401);
    await page.context().close();
  });
});
