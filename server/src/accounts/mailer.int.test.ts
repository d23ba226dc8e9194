// Account emails through a real SMTP server on loopback: a password reset and an invitation arrive with
// their one-time links, and an SMTP server that refuses does not make the request fail.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, signupWorkspace, startTestApp, type TestApp } from '../../test/harness';
import { eventually } from '../../test/pipeline';

type Received = { from: string; to: string[]; subject: string; text: string };

/** MIME's quoted-printable (RFC 2045) and encoded words (RFC 2047), as a mail client reads them. */
const quotedPrintable = (s: string) => Buffer.from(s.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
const encodedWords = (s: string) =>
  s.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
    (enc.toLowerCase() === 'b' ? Buffer.from(text, 'base64').toString('utf8') : quotedPrintable(text.replace(/_/g, ' '))));
const inbox: Received[] = [];
let smtp: SMTPServer;
let app: TestApp;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        // Headers may fold onto several lines; unfold them before reading one.
        const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
        const header = (name: string) => head.match(new RegExp(`^${name}: (.*)$`, 'mi'))?.[1] ?? '';
        const body = raw.split(/\r?\n\r?\n/).slice(1).join('\n\n');
        const text = /base64/i.test(header('Content-Transfer-Encoding')) ? Buffer.from(body, 'base64').toString('utf8') : quotedPrintable(body);
        inbox.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), subject: encodedWords(header('Subject')), text });
        done();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  const port = (smtp.server.address() as AddressInfo).port;
  app = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}?ignoreTLS=true`, MAIL_FROM: 'Loja Zyntra <avisos@loja.example>' });
});
afterAll(async () => {
  await app?.close();
  await new Promise<void>((r) => smtp?.close(() => r()));
});

const linkIn = (text: string) => text.match(/https?:\/\/\S+/)?.[0] ?? '';

describe('account emails through SMTP', () => {
  it('when a password reset is asked for, then the email arrives from MAIL_FROM with a link that resets the password', async () => {
    const owner = await signupWorkspace(app);
    const asked = await api(app, 'POST', '/v1/auth/password-reset', { email: owner.email });
    expect([asked.status, asked.body]).toEqual([202, { sendsEmail: true }]);
    const mail = await eventually(() => inbox.find((m) => m.to.includes(owner.email)));
    expect(mail.from).toBe('avisos@loja.example');
    expect(mail.subject).toBe('Reset your Zyntra password');
    const token = new URL(linkIn(mail.text)).searchParams.get('token')!;
    expect((await api(app, 'POST', '/v1/auth/password-reset/confirm', { token, password: 'nova-senha-segura-1' })).status).toBe(204);
    // The link is a credential: it is not written to the log when a transport sends it.
    expect(app.logs.lines.some((l) => l.includes(token))).toBe(false);
  });

  it('when a member is invited, then the invitation email carries the same link the API returned', async () => {
    const owner = await signupWorkspace(app);
    const email = `convidada${Date.now()}@example.com`;
    const inv = await api(app, 'POST', '/v1/invitations', { email, role: 'agent' }, owner.token);
    expect(inv.status).toBe(201);
    expect(inv.body.emailed).toBe(true);
    expect((await api(app, 'GET', '/v1/invitations', undefined, owner.token)).body.sendsEmail).toBe(true);
    const mail = await eventually(() => inbox.find((m) => m.to.includes(email)));
    expect(linkIn(mail.text)).toBe(inv.body.url);
    expect(mail.subject).toBe('Ana invited you to Loja on Zyntra');
  });

  it('when an owner using the app in Portuguese invites the same person twice, then one invitation in Portuguese is pending and only the newest link works', async () => {
    const owner = await signupWorkspace(app, 'Doceria da Bia');
    const email = `convidada${Date.now()}@example.com`;
    const invite = async () => {
      const res = await fetch(`${app.url}/v1/invitations`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${owner.token}`, 'accept-language': 'pt-BR' }, body: JSON.stringify({ email, role: 'agent' }),
      });
      expect(res.status).toBe(201);
      return (await res.json()) as { id: string; url: string };
    };
    const first = await invite();
    const second = await invite();
    await eventually(() => inbox.filter((m) => m.to.includes(email)).length === 2);
    const mail = inbox.filter((m) => m.to.includes(email))[1]!;
    expect(mail.subject).toBe('Ana convidou você para Doceria da Bia no Zyntra');
    expect(mail.text).toContain('Ana convidou você para a equipe Doceria da Bia no Zyntra.');
    expect(mail.text).toContain('Abra este link para continuar');
    expect(linkIn(mail.text)).toBe(second.url);
    const pending = (await api(app, 'GET', '/v1/invitations', undefined, owner.token)).body.items;
    expect(pending.map((i: { id: string }) => i.id)).toEqual([second.id]);

    // The invitation page names the workspace and who sent it before anyone signs in; the replaced link is dead.
    const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;
    const preview = await api(app, 'POST', '/v1/auth/invitation-preview', { token: tokenOf(second.url) });
    expect(preview).toMatchObject({ status: 200, body: { email, role: 'agent', workspace: { name: 'Doceria da Bia' }, invitedBy: { name: 'Ana' } } });
    expect((await api(app, 'POST', '/v1/auth/invitation-preview', { token: tokenOf(first.url) })).status).toBe(404);
    expect((await api(app, 'POST', '/v1/auth/invitation-preview', { token: 'x'.repeat(43) })).status).toBe(404);
    expect((await api(app, 'POST', '/v1/auth/invitation-preview', {})).status).toBe(400);
    expect((await api(app, 'POST', '/v1/auth/accept-invitation', { token: tokenOf(first.url), name: 'Carla', password: 'senha-forte-123' })).status).toBe(404);
    expect((await api(app, 'POST', '/v1/auth/accept-invitation', { token: tokenOf(second.url), name: 'Carla', password: 'senha-forte-123' })).status).toBe(200);
  });
});
