// The words of account emails, in the language of the person who set them off (the app sends its
// UI language as Accept-Language): Portuguese for pt-*, English otherwise.
import { uiLocale, type UiLocale } from '../http/ui-locale';

export type MailLocale = UiLocale;

export const mailLocale = uiLocale;

export type MailWords =
  | { kind: 'invitation'; workspace: string; inviter: string | null }
  | { kind: 'password_reset' };

type Text = { subject: string; intro: string };

const WORDS: Record<MailLocale, { open: string; ignore: string; of(w: MailWords): Text }> = {
  en: {
    open: 'Open this link to continue (it works once):',
    ignore: 'If you did not expect this email, ignore it.',
    of: (w) => w.kind === 'password_reset'
      ? { subject: 'Reset your Zyntra password', intro: 'Someone asked to reset the password of your Zyntra account.' }
      : {
        subject: `${w.inviter ?? 'Someone'} invited you to ${w.workspace} on Zyntra`,
        intro: `${w.inviter ?? 'Someone'} invited you to join the ${w.workspace} workspace on Zyntra.`,
      },
  },
  'pt-BR': {
    open: 'Abra este link para continuar (ele só funciona uma vez):',
    ignore: 'Se você não esperava este e-mail, pode ignorá-lo.',
    of: (w) => w.kind === 'password_reset'
      ? { subject: 'Redefina sua senha do Zyntra', intro: 'Alguém pediu para redefinir a senha da sua conta do Zyntra.' }
      : {
        subject: `${w.inviter ?? 'Alguém'} convidou você para ${w.workspace} no Zyntra`,
        intro: `${w.inviter ?? 'Alguém'} convidou você para a equipe ${w.workspace} no Zyntra.`,
      },
  },
};

/** Subject and plain text of an account email carrying a one-time link. */
export function mailText(locale: MailLocale, words: MailWords, link: string): { subject: string; text: string } {
  const l = WORDS[locale];
  const { subject, intro } = l.of(words);
  return { subject, text: `${intro}\n\n${l.open}\n${link}\n\n${l.ignore}\n` };
}
