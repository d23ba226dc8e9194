import { useHotkeys } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { inboxStore } from '../store/inbox-store';
import { neighbour } from '../store/list-ops';
import { confirmClose } from '../thread/confirm-close';
import { takeOrAsk } from '../thread/confirm-take';
import { mayLetGo } from '../thread/hold-rules';
import { useAuthStore } from '../../auth/auth-store';
import { memberName } from '../format';
import type { ShortcutAction } from './shortcut-list';
import { useReplyTarget } from '../composer/reply-target';

interface ShortcutTargets {
  open(id: string): void;
  back(): void;
  focusComposer(mode: 'reply' | 'note'): void;
  help(): void;
  /** Write first to a customer (the "New conversation" dialog). */
  start(): void;
}

/** Alt+arrows work even while typing; single letters only when no field has the focus. */
export function useInboxShortcuts(targets: ShortcutTargets): void {
  const { t } = useTranslation();
  const go = (step: 1 | -1) => {
    const s = inboxStore.getState();
    const id = neighbour(s.items, s.selectedId, step);
    if (id && id !== s.selectedId) targets.open(id);
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
    focusComposer: () => targets.focusComposer('reply'),
    note: () => targets.focusComposer('note'),
    // Escape first leaves whatever has the focus (a menu, the emoji search), then drops a quoted
    // message waiting above the reply box; only then the chat.
    back: () => {
      const el = document.activeElement;
      if (el instanceof HTMLElement && el !== document.body) return el.blur();
      if (useReplyTarget.getState().target) return useReplyTarget.getState().clear();
      targets.back();
    },
    help: targets.help,
    start: targets.start,
  };
  const prevent = { preventDefault: true };
  useHotkeys([['alt+ArrowDown', run.next, prevent], ['alt+ArrowUp', run.previous, prevent]], []);
  useHotkeys([
    ['j', run.next], ['k', run.previous], ['a', run.take], ['e', run.close],
    ['r', run.focusComposer, prevent], ['n', run.note, prevent], ['c', run.start, prevent], ['Escape', run.back], ['shift+?', run.help], ['?', run.help],
  ]);
}
