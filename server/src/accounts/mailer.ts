// Account emails (invitations, password resets). No mail transport is configured yet: outside
// production the message and its link are logged so a developer can follow it; in production only
// that a message was due, never the link (it is a credential).
import type { Logger } from '../log/logger';

export type Mail = { to: string; subject: string; link: string };
export type Mailer = { send(mail: Mail): Promise<void> };

export function logMailer(log: Logger, production: boolean): Mailer {
  return {
    async send(mail) {
      if (production) log.warn({ to: mail.to, subject: mail.subject }, 'no mail transport configured; email not sent');
      else log.info({ mail }, 'email (development: logged, not sent)');
    },
  };
}
