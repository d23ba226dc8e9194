// What the customer writes while the agent has the chat open, read out by a screen reader (a polite
// live region): the focus stays where the agent is typing. Opening a chat or loading older messages
// announces nothing; only a new message from the customer does.
import { VisuallyHidden } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contactLabel } from '../format';
import { useInbox } from '../store/inbox-store';
import { messageWords } from './message-words';

export function Arrivals() {
  const { t, i18n } = useTranslation();
  // Ready: the chat's messages are in; what it loaded when opened is not news.
  const id = useInbox((s) => (s.thread?.status === 'ready' ? s.thread.id : undefined));
  const newest = useInbox((s) => s.thread?.messages.at(-1));
  const contact = useInbox((s) => s.thread?.detail?.contact);
  const seen = useRef<{ id: string | undefined; last: string | undefined }>({ id, last: newest?.id });
  const [said, setSaid] = useState('');
  useEffect(() => {
    const before = seen.current;
    seen.current = { id, last: newest?.id };
    if (!id || before.id !== id) return setSaid('');
    // A reaction shows on the message it reacts to: it is not a message to read out.
    if (!newest || newest.id === before.last || newest.author !== 'contact' || newest.type === 'reaction' || !contact) return;
    const name = contactLabel(contact, (ref) => t('inbox.unnamedContact', { ref }));
    setSaid(t('inbox.thread.arrived', { name, text: messageWords(newest, i18n.language) }));
  }, [id, newest, contact, t, i18n.language]);
  return (
    <VisuallyHidden aria-live="polite" data-testid="thread-arrivals">
      {said}
    </VisuallyHidden>
  );
}

