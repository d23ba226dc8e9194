import { useHotkeys } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { inboxStore } from '../store/inbox-store';
import { isSnoozed, neighbour } from '../store/list-ops';
import { presetTime } from '../snooze/snooze-time';
import { takeoverActions } from '../sync/actions';
import { confirmClose } from '../thread/confirm-close';
import { takeOrAsk } from '../thread/confirm-take';
import { mayLetGo } from '../thread/hold-rules';
import { useAuthStore } from '../../auth/auth-store';
import { memberName } from '../format';
import type { ShortcutAction } from './shortcut-list';
import { useReplyTarget } from '../composer/reply-target';
import { useComposerMode } from '../composer/use-composer';
import { focusRow, leavesChat } from '../focus';

interface ShortcutTargets {
  open(id: string): void;
  back(): void;
  focusComposer(mode: 'reply' | 'note'): void;
  help(): void;
  /** Write first to a customer (the "New conversation" dialog). */
  start(): void;
  search(): void;
  /** Shows or hides the contact's details beside the chat. */
  details(): void;
}

/** A modal dialog is open, or the focus is in a menu. */
function covered(): boolean {
  return document.querySelector('[aria-modal="true"]') !== null || document.activeElement?.closest('[role=menu]') != null;
}

/** Alt+arrows work even while typing; single letters only when no field has the focus. */
export function useInboxShortcuts(targets: ShortcutTargets): void {
  const { t } = useTranslation();
  const go = (step: 1 | -1) => {
    const s = inboxStore.getState();
    const id = neighbour(s.items, s.selectedId, step);
    if (!id || id === s.selectedId) return;
    // From the reply box (Alt+arrows work while typing), the next chat's box takes the focus.
    if (document.activeElement?.getAttribute('data-testid') === 'composer-input') useComposerMode.getState().setFocusFor(id);
    targets.open(id);
    // Moving through the list from a row: the focus follows the chat opened.
    if (document.activeElement?.closest('[data-testid=inbox-list]')) focusRow(id);
  };
  const current = () => inboxStore.getState().thread?.detail ?? null;
  const run: Record<ShortcutAction, () => void> = {
    next: () => go(1),
    previous: () => go(-1),
    take: () => {
      const d = current();
      if (d) takeOrAsk(t, d, d.assignee?.name ?? memberName(inboxStore.getState().members, d.assigneeId));
    },
    close: () => {
      const d = current();
      const { user, role } = useAuthStore.getState();
      if (d && d.status !== 'closed' && mayLetGo(d, user?.id, role)) confirmClose(t, d.id);
    },
    // Until tomorrow, 09:00: the common case ("I'll send it tomorrow"); the ⋯ menu has the others, and the banner undoes it.
    snooze: () => {
      const d = current();
      const { user, role } = useAuthStore.getState();
      if (d && d.status === 'human' && !isSnoozed(d) && mayLetGo(d, user?.id, role)) void takeoverActions.snooze(d.id, presetTime('tomorrow', new Date()));
    },
    focusComposer: () => targets.focusComposer('reply'),
    note: () => targets.focusComposer('note'),
    // Escape first leaves whatever has the focus (a button, a folder), then drops a quoted
    // message waiting above the reply box; only then the chat. On the chat's messages (where Escape
    // in the reply box leads) or on a row of the list, it leaves the chat.
    back: () => {
      const el = document.activeElement;
      if (el instanceof HTMLElement && el !== document.body && !leavesChat(el)) return el.blur();
      if (useReplyTarget.getState().target) return useReplyTarget.getState().clear();
      targets.back();
    },
    help: targets.help,
    start: targets.start,
    search: targets.search,
    details: targets.details,
  };
  const prevent = { preventDefault: true };
  // A dialog or a menu open over the inbox keeps its keys: a letter typed there must not take, close
  // or switch the chat behind it.
  const free = (action: () => void) => () => void (covered() || action());
  // A menu or a dialog closes itself on Escape and hands the focus back to what opened it: that is
  // all Escape does there (blurring what it had handed the focus to left the focus nowhere).
  const escape = (e: KeyboardEvent) => void (e.target instanceof Element && e.target.closest('[role=menu], [role=dialog]') ? undefined : run.back());
  useHotkeys([['alt+ArrowDown', free(run.next), prevent], ['alt+ArrowUp', free(run.previous), prevent]], []);
  useHotkeys([
    ['j', free(run.next)], ['k', free(run.previous)], ['a', free(run.take)], ['e', free(run.close)], ['z', free(run.snooze)],
    ['r', free(run.focusComposer), prevent], ['n', free(run.note), prevent], ['c', free(run.start), prevent], ['/', free(run.search), prevent], ['d', free(run.details)], ['Escape', escape],
    ['shift+?', free(run.help)], ['?', free(run.help)],
  ]);
}
