// Brings snoozed chats back without a reload: when the earliest snooze among the agent's snoozed
// chats (and the rows on screen) ends, those chats are read again, so they leave Snoozed and
// return to Mine, and the counts follow. Nothing on the server wakes them: a time passed is no snooze.
import { useEffect, useState } from 'react';
import { useAuthStore } from '../../auth/auth-store';
import { inboxApi } from '../api/inbox-api';
import type { ConversationItem } from '../api/inbox-types';
import { inboxStore, useInbox } from '../store/inbox-store';
import { refreshConversation, refreshCounts } from '../sync/list-loader';
import { nextWake } from './snooze-time';
import { seesAllSnoozed } from './snooze-scope';

/** Past the time, so the server's clock agrees that the snooze is over. */
const GRACE_MS = 1_000;
/** setTimeout holds at most ~24.8 days; a longer wait is taken in steps. */
const LONGEST_WAIT_MS = 86_400_000;

const snoozed = (items: ConversationItem[]) => items.filter((c) => c.snoozedUntil);

export function useSnoozeWake(): void {
  const all = useAuthStore((s) => seesAllSnoozed(s.role));
  const count = useInbox((s) => (all ? s.counts?.snoozedAll : s.counts?.snoozed) ?? 0);
  // The earliest snooze on screen (a number, so the hook reruns when it changes, not on every row update).
  const shown = useInbox((s) => nextWake(s.items, 0));
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (count === 0 && shown === null) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let gone = false;
    inboxApi.snoozed(all).then((page) => {
      if (gone) return;
      const chats = [...snoozed(page.items), ...snoozed(inboxStore.getState().items)];
      const at = nextWake(chats, Date.now());
      if (at === null) return;
      const wait = Math.min(at - Date.now() + GRACE_MS, LONGEST_WAIT_MS);
      timer = setTimeout(() => {
        const due = new Set(chats.filter((c) => Date.parse(c.snoozedUntil!) <= Date.now()).map((c) => c.id));
        for (const id of due) void refreshConversation(id);
        if (due.size) refreshCounts();
        setRound((n) => n + 1);
      }, wait);
    }, () => undefined);
    return () => {
      gone = true;
      clearTimeout(timer);
    };
  }, [all, count, shown, round]);
}
