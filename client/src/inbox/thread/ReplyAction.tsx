// "Reply" on a bubble: shown on hover (or keyboard focus) on a desktop, always on a touch screen,
// where it takes a fingertip-wide tap. Off while the agent cannot write in the chat. A touch screen
// also answers a bubble swiped to the right (use-swipe-reply.ts); the button stays there, as the
// one-tap way for whoever cannot swipe and the one a screen reader or a keyboard reaches.
import { ActionIcon, Tooltip } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import touch from '../../shared/touch.module.css';
import classes from './thread.module.css';

export function ReplyAction({ onReply, disabled }: { onReply: () => void; disabled: boolean }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('inbox.thread.replyTo')} openDelay={400} disabled={disabled}>
      <ActionIcon
        variant="subtle" color="gray" size="md" radius="xl" className={`${touch.target} ${classes.replyAction}`}
        disabled={disabled} onClick={onReply} aria-label={t('inbox.thread.replyToLabel')} data-testid="message-reply"
      >
        <IconArrowBackUp size={16} />
      </ActionIcon>
    </Tooltip>
  );
}

/** The arrow behind a bubble being swiped to the right: it fades in as the swipe nears the mark. */
export function SwipeArrow() {
  return (
    <span className={classes.swipeArrow} aria-hidden data-testid="message-swipe-arrow">
      <IconArrowBackUp size={16} />
    </span>
  );
}
