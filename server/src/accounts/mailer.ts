// Account emails (invitations, password resets). With SMTP_URL set they go out through that server
// (any provider's SMTP relay: Amazon SES, Postmark, Mailgun, your own Postfix). Without it, outside
// production the message and its link are logged so a developer can follow it; in production only
// that a message was due, never the link (it is a credential).
import nodemailer from 'nodemailer';
import type { Logger } from '../log/logger';

/** `text` is the whole body (see mail-text.ts); `link` is kept apart so development logs can show it. */
export type Mail = { to: string; subject: string; text: string; link: string };
/** `delivers`: mail really leaves this server (SMTP is set); false when it is only logged. */
export type Mailer = { send(mail: Mail): Promise<void>; delivers?: boolean };

export function logMailer(log: Logger, production: boolean): Mailer {
  return {
    delivers: false,
    async send(mail) {
      if (production) log.warn({ to: mail.to, subject: mail.subject }, 'no mail transport configured (SMTP_URL); email not sent');
      else log.info({ mail }, 'email (development: logged, not sent)');
    },
  };
}

/** Sends through an SMTP server (`smtp://user:pass@host:587`, `smtps://…:465`); a failure is logged, never thrown:
 * the request that asked for the email must not fail or reveal whether the address exists. */
export function smtpMailer(url: string, from: string, log: Logger): Mailer {
  const transport = nodemailer.createTransport(url, { from });
  return {
    delivers: true,
    async send(mail) {
      try {
        await transport.sendMail({ to: mail.to, subject: mail.subject, text: mail.text });
      } catch (err) {
        log.error({ err: (err as Error).message, to: mail.to, subject: mail.subject }, 'email not sent');
      }
    },
  };
}

export function mailerFor(config: { SMTP_URL?: string; MAIL_FROM: string; NODE_ENV: string }, log: Logger): Mailer {
  return config.SMTP_URL ? smtpMailer(config.SMTP_URL, config.MAIL_FROM, log) : logMailer(log, config.NODE_ENV === 'production');
}
