import { Button, Group, Loader, Text } from '@mantine/core';
import { IconApi, IconClockHour4, IconLock, IconRobot, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAuthStore } from '../../auth/auth-store';
import type { MessageItem } from '../api/inbox-types';
import { memberName } from '../format';
import { useInbox } from '../store/inbox-store';
import { DeliveryTicks } from './DeliveryTicks';
import { failureReason } from './failure-reason';
import { NoteText } from './NoteText';
import { MediaView } from './MediaView';
import { QuotedMessage } from './QuotedMessage';
import { ReplyAction, SwipeArrow } from './ReplyAction';
import { canQuote } from '../composer/reply-target';
import { SentTemplateButtons, SentTemplateFooter, SentTemplateTop, TappedButton } from './SentTemplate';
import { ChangeMark, DeletedNote, Reactions, RichContent } from './MessageContentView';
import { displayText, MEDIA_TYPES, payloadOf } from './message-words';
import classes from './thread.module.css';
import { useSwipeReply } from './use-swipe-reply';
import { clockTime } from '../../shared/clock-time';

/** What the product sent by itself (the no-agent message): the customer got it, so it reads as sent, and says so. */
const automatic = (m: MessageItem) => m.author === 'system' && m.direction === 'out';

function authorClass(m: MessageItem): string {
  if (m.type === 'note' || m.status === 'note') return classes.note!;
  if (automatic(m)) return classes.automatic!;
  return classes[m.author] ?? classes.agent!;
}

function AuthorLine({ m }: { m: MessageItem }) {
  const { t } = useTranslation();
  const members = useInbox((s) => s.members);
  const me = useAuthStore((s) => s.user);
  if (m.author === 'contact') return null;
  const note = m.type === 'note' || m.status === 'note';
  if (automatic(m)) {
    return (
      <div className={classes.author} style={{ color: 'var(--mantine-color-gray-7)' }}>
        <IconClockHour4 size={12} />
        {t('inbox.thread.automatic')}
      </div>
    );
  }
  if (m.apiKey) {
    return (
      <div className={classes.author} style={{ color: '#1864ab' }} data-testid="message-api-key">
        <IconApi size={12} />
        {t('inbox.thread.viaApi', { name: m.apiKey.name ?? '' })}
      </div>
    );
  }
  const Icon = note ? IconLock : m.author === 'bot' ? IconRobot : IconUser;
  const userId = m.authorUser?.id ?? m.authorUserId;
  const person = m.authorUser?.name ?? memberName(members, userId) ?? (userId && userId === me?.id ? me.name : null);
  const who = m.author === 'bot' ? t('inbox.thread.bot') : (person ?? t('inbox.thread.agent'));
  return (
    <div className={classes.author} style={{ color: note ? '#8a6d00' : m.author === 'bot' ? '#5f3dc4' : '#087f5b' }}>
      <Icon size={12} />
      {note ? t('inbox.thread.noteBy', { name: who }) : who}
    </div>
  );
}

function Choices({ payload }: { payload: MessageItem['payload'] }) {
  const buttons = (payload?.buttons as { title: string }[] | undefined) ?? [];
  const rows = ((payload?.list as { rows?: { title: string }[] } | null | undefined)?.rows ?? []);
  const titles = [...buttons, ...rows].map((b) => b.title).filter(Boolean);
  if (!titles.length) return null;
  return (
    <Group gap={4} mt={4}>
      {titles.map((title) => <Text key={title} size="xs" px={8} py={2} bd="1px solid var(--mantine-color-gray-4)" style={{ borderRadius: 12 }}>{title}</Text>)}
    </Group>
  );
}

type BubbleProps = {
  conversationId: string; m: MessageItem; onRetry?: () => void; uploading?: boolean;
  /** "Reply" on the bubble, and a swipe to the right (absent: none, as on a send still on its way); off while the agent cannot write. */
  reply?: { onReply: (m: MessageItem) => void; disabled: boolean };
};

export function MessageBubble({ conversationId, m, onRetry, uploading, reply }: BubbleProps) {
  const { t, i18n } = useTranslation();
  const replyable = reply && canQuote(m) ? reply : undefined;
  const swipe = useSwipeReply(replyable && !replyable.disabled ? () => replyable.onReply(m) : null);
  if (m.author === 'system' && !automatic(m)) return <div className={classes.system} data-testid="message-system">{m.text}</div>;
  const failed = m.status === 'failed';
  const time = clockTime(i18n.language, m.createdAt);
  const deleted = !!payloadOf(m).deleted;
  const hasMedia = !deleted && (m.media || MEDIA_TYPES.has(m.type));
  const text = displayText(m, i18n.language);
  return (
    <div
      className={`${classes.bubble} ${authorClass(m)} ${failed ? classes.failed : ''} ${swipe ? classes.swipeable : ''}`}
      data-testid="message"
      data-author={m.author}
      data-kind={m.type === 'note' ? 'note' : 'message'}
      data-message-id={m.id}
      {...swipe}
    >
      {replyable && <ReplyAction onReply={() => replyable.onReply(m)} disabled={replyable.disabled} />}
      {swipe && <SwipeArrow />}
      <AuthorLine m={m} />
      <QuotedMessage m={m} />
      {m.template && <SentTemplateTop view={m.template} />}
      {hasMedia && <MediaView conversationId={conversationId} message={m} />}
      <RichContent m={m} />
      <TappedButton m={m} />
      {deleted ? <DeletedNote /> : text && <span data-testid="message-text"><NoteText m={m} text={text} /></span>}
      {m.template && <SentTemplateFooter view={m.template} />}
      <Choices payload={m.payload} />
      {uploading && (
        <Group gap={6} mt={4} data-testid="message-uploading">
          <Loader size={12} color="gray" />
          <Text size="xs" c="dimmed">{t('inbox.composer.uploading')}</Text>
        </Group>
      )}
      {failed && (
        <Text size="xs" c="red.7" mt={4} data-testid="message-failure">
          {failureReason(t, m)}
          {onRetry && <Button variant="subtle" color="red" size="compact-xs" ml={6} onClick={onRetry}>{t('inbox.composer.retry')}</Button>}
        </Text>
      )}
      <div className={classes.meta}>
        <ChangeMark m={m} />
        <span>{time}</span>
        {m.direction === 'out' && m.type !== 'note' && <DeliveryTicks status={m.status} />}
      </div>
      {m.template && <SentTemplateButtons view={m.template} />}
      <Reactions m={m} />
    </div>
  );
}
