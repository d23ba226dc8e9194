// An activity line in words: who did what to the chat ("Ana took the chat", "The bot transferred
// the chat to the Vendas team"). The signed-in member reads "You" (or "you" mid-sentence); a member since removed, "Someone".
import type { TFunction } from 'i18next';
import type en from '../../i18n/en.json';
import type { ActivityLine, Named } from '../api/inbox-types';
import { snoozeLabel } from '../snooze/snooze-words';

type Key = keyof (typeof en)['inbox']['activity'];

export function activityText(l: ActivityLine, t: TFunction, meId?: string | null, lang = 'en'): string {
  // Who acted opens the sentence ("You took the chat"); the assignee ends it ("… assigned the chat to you").
  const who = (n: Named, you: 'you' | 'youObject') => (n && n.id === meId ? t(`inbox.activity.${you}`) : (n?.name ?? t('inbox.activity.someone')));
  const k = (key: Key) =>
    t(`inbox.activity.${key}`, {
      by: who(l.by, 'you'), assignee: who(l.assignee, 'youObject'), team: l.team?.name ?? '', flow: l.flow?.name ?? '',
      when: l.until ? snoozeLabel(t, l.until, lang) : '',
    });
  switch (l.type) {
    case 'transferred':
      if (l.reason === 'reopened') return k(l.team?.name ? 'backInQueueTeam' : 'backInQueue');
      return k(l.team?.name ? 'transferredTeam' : 'transferred');
    case 'assigned':
      if (!l.assignee) return k(l.by ? 'movedToTeam' : 'assigned');
      if (l.auto) return k(l.returning ? 'assignedBack' : 'assignedAuto');
      if (!l.by) return k('assigned');
      return k(l.by.id === l.assignee.id ? 'took' : 'assignedBy');
    case 'handed_back':
      if (l.reason === 'no_agent') return k('noAgent');
      return k(l.flow?.name ? 'handedBackFlow' : 'handedBack');
    case 'closed':
      if (l.by) return k('closedBy');
      return k(l.reason === 'idle' ? 'closedIdle' : 'closed');
    case 'reopened':
      return k(l.by ? 'reopenedBy' : 'reopenedByCustomer');
    case 'bot_paused':
      return k(l.reason === 'business_phone_reply' ? 'botPausedPhone' : 'botPaused');
    case 'snoozed':
      return k('snoozed');
    case 'unsnoozed':
      return k('unsnoozed');
    case 'snooze_ended':
      return k('snoozeEnded');
  }
}
