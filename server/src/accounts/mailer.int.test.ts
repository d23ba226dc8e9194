// Account emails through a real SMTP server on loopback: a password reset and an invitation arrive with
// their one-time links, and an SMTP server that refuses does not make the request fail.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, signupWorkspace, startTestApp, type TestApp } from '../../test/harness';
import { eventually } from '../../test/pipeline';

type Received = { from: string; to: string[]; subject: string; text: string };
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
        const header = (name: string) => raw.match(new RegExp(`^${name}: (.*)$`, 'mi'))?.[1] ?? '';
        const body = raw.split(/\r?\n\r?\n/).slice(1).join('\n\n');
        inbox.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), subject: header('Subject'), text: body.replace(/=\r?\n/g, '').replace(/=3D/g, '=') });
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
    expect((await api(app, 'POST', '/v1/auth/password-reset', { email: owner.email })).status).toBe(202);
    const mail = await eventually(() => inbox.find((m) => m.to.includes(owner.email)));
    expect(mail.from).toBe('avisos@loja.example');
    expect(mail.subject).toMatch(/password/i);
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
    const mail = await eventually(() => inbox.find((m) => m.to.includes(email)));
    expect(linkIn(mail.text)).toBe(inv.body.url);
  });
});
