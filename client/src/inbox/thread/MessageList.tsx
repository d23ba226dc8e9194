// The thread, oldest at the top. Sticks to the bottom while the agent is there; older messages
// load when scrolling near the top (or with the button there), keeping the agent's place; local
// sends show at once and turn into the stored message when confirmed. Transfers, assignments,
// hand-backs, closes and reopens show as lines between the messages.
import { Button, Center, Loader, Text } from '@mantine/core';
import { Fragment, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageItem } from '../api/inbox-types';
import { contactLabel } from '../format';
import { useInbox } from '../store/inbox-store';
import type { PendingSend } from '../store/thread-slice';
import { loadOlder } from '../sync/thread-loader';
import { ActivityRow } from './ActivityRow';
import { MessageBubble } from './MessageBubble';
import { timeline, type TimelineEntry } from './timeline';
import classes from './thread.module.css';
import { useAuthStore } from '../../auth/auth-store';
import { useComposerMode } from '../composer/use-composer';
import { useReplyBlock } from '../composer/use-reply-block';
import { useReplyTarget } from '../composer/reply-target';

/** "Reply" on a bubble: the reply box quotes it, in reply mode (a note answers nobody). */
function answer(conversationId: string, m: MessageItem) {
  useComposerMode.getState().setMode('reply');
  useReplyTarget.getState().choose(conversationId, m);
}

/** A send still on its way is the agent's own: their name on it, as it will be once stored. */
function asMessage(p: PendingSend, meId: string | undefined): MessageItem {
  const text = 'text' in p.body ? p.body.text : [p.body.fileName, p.body.caption].filter(Boolean).join('\n');
  return {
    id: p.localId, direction: 'out', author: 'agent', authorUserId: meId, type: 'text', text, status: p.state === 'failed' ? 'failed' : 'pending',
    error: p.state === 'failed' ? 'network' : null, createdAt: p.createdAt, replyTo: p.body.replyTo ?? null,
  };
}

const dayOf = (iso: string) => iso.slice(0, 10);
const atOf = (e: TimelineEntry) => (e.kind === 'message' ? e.m.createdAt : e.line.at);

/** Scrolled this close to the top, the older page loads (before the agent hits the end). */
const NEAR_TOP_PX = 120;

export function MessageList({ onRetry }: { onRetry: (localId: string) => void }) {
  const { t, i18n } = useTranslation();
  const thread = useInbox((s) => s.thread);
  const meId = useAuthStore((s) => s.user?.id);
  const block = useReplyBlock();
  const ref = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  /** The list's scrollTop at the last scroll event: only a move up is the agent leaving the end. */
  const lastTop = useRef(0);
  const count = (thread?.messages.length ?? 0) + (thread?.pending.length ?? 0) + (thread?.activity.length ?? 0);
  const lastId = thread?.messages.at(-1)?.id;
  const firstId = thread?.messages[0]?.id;
  const [loadingOlder, setLoadingOlder] = useState(false);
  /** While an older page loads: how far the agent was from the end, kept when it lands above. */
  const fromEnd = useRef<number | null>(null);

  const older = () => {
    const el = ref.current;
    if (!el || loadingOlder || !thread?.olderCursor) return;
    fromEnd.current = el.scrollHeight - el.scrollTop;
    setLoadingOlder(true);
    void loadOlder().catch(() => undefined).finally(() => setLoadingOlder(false));
  };
  // The older page lands above what the agent was reading: it stays where it was on screen.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || fromEnd.current === null) return;
    el.scrollTop = el.scrollHeight - fromEnd.current;
    fromEnd.current = null;
  }, [firstId]);

  const stick = () => {
    const el = ref.current;
    if (el && atBottom.current) el.scrollTop = el.scrollHeight;
  };
  useLayoutEffect(stick, [count, lastId, thread?.contactTyping, thread?.id]);
  // The list also changes size without a new message: the reply box grows with a canned response
  // or a long text, a phone's keyboard opens. An agent reading the newest line keeps it in view.
  const ready = thread?.status === 'ready';
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(stick);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ready, thread?.id]);

  if (!thread || thread.status !== 'ready') return <Center flex={1}><Loader /></Center>;
  const reply = { onReply: (m: MessageItem) => answer(thread.id, m), disabled: block !== null };
  const entries = timeline(thread.messages, thread.activity, !thread.olderCursor);
  const dayLabel = (iso: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(iso));
  const name = thread.detail ? contactLabel(thread.detail.contact, (ref) => t('inbox.unnamedContact', { ref })) : null;
  return (
    <div
      ref={ref}
      className={classes.scroller}
      // A stop of its own for the keyboard: its arrows and Page Up/Down scroll the history.
      tabIndex={0}
      role="region"
      aria-label={name ? t('inbox.thread.messagesWith', { name }) : t('inbox.thread.messages')}
      data-testid="thread-messages"
      // A picture or video that finishes loading grows the thread after it was scrolled to the end.
      onLoadCapture={stick}
      onLoadedMetadataCapture={stick}
      onScroll={(e) => {
        const el = e.currentTarget;
        const movedUp = el.scrollTop < lastTop.current - 1;
        lastTop.current = el.scrollTop;
        // A picture takes its size before its load event, and the browser may shift the list to
        // keep what was on screen: that scroll is not the agent's, and the newest line stays in view.
        if (atBottom.current && !movedUp) stick();
        else atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
        if (el.scrollTop < NEAR_TOP_PX && el.scrollHeight > el.clientHeight) older();
      }}
    >
      {thread.olderCursor && (
        <Button variant="white" size="compact-xs" mx="auto" loading={loadingOlder} onClick={older} data-testid="thread-older">{t('inbox.thread.older')}</Button>
      )}
      {entries.length === 0 && thread.pending.length === 0 && (
        <Text size="sm" c="dimmed" ta="center" mt="xl">{t('inbox.thread.empty')}</Text>
      )}
      {/* A reaction is shown on the message it reacts to, not as a message of its own. */}
      {entries.map((e, i) => {
        const at = atOf(e);
        const key = e.kind === 'message' ? e.m.id : `activity-${e.line.id}`;
        return (
          <Fragment key={key}>
            {dayOf(at) !== dayOf(i > 0 ? atOf(entries[i - 1]!) : '') && <div className={classes.day}>{dayLabel(at)}</div>}
            {e.kind === 'message' ? <MessageBubble conversationId={thread.id} m={e.m} reply={reply} /> : <ActivityRow line={e.line} />}
          </Fragment>
        );
      })}
      {thread.pending.map((p) => (
        <MessageBubble key={p.localId} conversationId={thread.id} m={asMessage(p, meId)} onRetry={p.state === 'failed' ? () => onRetry(p.localId) : undefined} uploading={p.state === 'uploading'} />
      ))}
      {thread.contactTyping && (
        <div className={`${classes.bubble} ${classes.contact}`} data-testid="contact-typing">
          <Text size="xs" c="dimmed" fs="italic">{t('inbox.thread.typing')}</Text>
        </div>
      )}
    </div>
  );
}
