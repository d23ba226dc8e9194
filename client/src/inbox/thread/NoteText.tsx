// A message's words with links; in a note, the teammates it mentions highlighted, the reader most.
import { useTranslation } from 'react-i18next';
import { useAuthStore } from '../../auth/auth-store';
import { LinkedText } from '../../shared/LinkedText';
import type { MessageItem } from '../api/inbox-types';
import { splitMentions } from '../composer/mention-query';
import { useInbox } from '../store/inbox-store';
import classes from './mentions.module.css';

export function NoteText({ m, text }: { m: MessageItem; text: string }) {
  const { t } = useTranslation();
  const members = useInbox((s) => s.members);
  const me = useAuthStore((s) => s.user?.id);
  const ids = m.type === 'note' ? m.mentions ?? [] : [];
  if (!ids.length) return <LinkedText text={text} />;
  const named = members.filter((x) => ids.includes(x.userId));
  return splitMentions(text, named).map((part, i) =>
    part.userId ? (
      <span
        key={i}
        className={classes.mention}
        data-me={part.userId === me || undefined}
        data-testid="note-mention"
        title={part.userId === me ? t('inbox.thread.mentionedYou') : undefined}
      >
        {part.text}
      </span>
    ) : (
      <LinkedText key={i} text={part.text} />
    ),
  );
}
