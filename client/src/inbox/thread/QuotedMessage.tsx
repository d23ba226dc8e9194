// The message a reply answers (the customer swiped to reply in WhatsApp, or the agent chose
// "Reply"), quoted at the top of its bubble as WhatsApp shows it: who wrote it and its first
// words. A click brings the quoted message into view when it is on the page.
import { Text, UnstyledButton } from '@mantine/core';
import { describeContent, type MessageContent } from '@zyntra/flows-schema';
import { useTranslation } from 'react-i18next';
import type { MessageItem } from '../api/inbox-types';
import classes from './thread.module.css';

type Quote = NonNullable<MessageItem['replyTo']>;

function quotedWords(q: Quote, language: string): string | null {
  if (!q.type) return null;
  return describeContent({ type: q.type, text: q.text ?? '', replyId: null, media: null } as MessageContent, language === 'en' ? 'en' : 'pt-BR');
}

function showQuoted(id: string) {
  const el = document.querySelector<HTMLElement>(`[data-message-id="${CSS.escape(id)}"]`);
  if (!el) return;
  el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  el.classList.add(classes.flash!);
  setTimeout(() => el.classList.remove(classes.flash!), 1200);
}

/** A quote as the thread shows it: who wrote the message and its first words; a click shows the message. */
export function QuoteBox({ q }: { q: Quote }) {
  const { t, i18n } = useTranslation();
  const who = q.author === 'contact' ? t('inbox.thread.quotedCustomer') : q.author === 'bot' ? t('inbox.thread.bot') : q.author ? t('inbox.thread.quotedBusiness') : null;
  const words = quotedWords(q, i18n.language) ?? t('inbox.thread.quotedUnknown');
  const body = (
    <>
      {who && <Text size="xs" fw={600} className={classes.quoteAuthor}>{who}</Text>}
      <Text size="xs" c="dimmed" lineClamp={2}>{words}</Text>
    </>
  );
  return q.id ? (
    <UnstyledButton className={classes.quote} onClick={() => showQuoted(q.id!)} data-testid="message-quote" aria-label={t('inbox.thread.quotedShow', { text: words })}>
      {body}
    </UnstyledButton>
  ) : (
    <div className={classes.quote} data-testid="message-quote">{body}</div>
  );
}

export function QuotedMessage({ m }: { m: MessageItem }) {
  return m.replyTo ? <QuoteBox q={m.replyTo} /> : null;
}
