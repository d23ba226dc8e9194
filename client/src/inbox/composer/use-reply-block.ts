// Why the agent cannot write a free-form reply in the open chat right now: the reply box and each
// bubble's "Reply" are off for the same reasons.
import { useTranslation } from 'react-i18next';
import { useAuthStore } from '../../auth/auth-store';
import { isAdmin } from '../../auth/roles';
import { memberName } from '../format';
import { useInbox } from '../store/inbox-store';
import { useNow, windowState } from './WindowNotice';

/** Why a free-form reply is not possible right now (null when it is). */
export function useReplyBlock(): string | null {
  const { t } = useTranslation();
  const detail = useInbox((s) => s.thread?.detail);
  const members = useInbox((s) => s.members);
  const meId = useAuthStore((s) => s.user?.id);
  const role = useAuthStore((s) => s.role);
  const now = useNow();
  if (!detail) return null;
  if (detail.status === 'closed') return t('inbox.composer.closed');
  if (detail.assigneeId && detail.assigneeId !== meId) {
    // An agent cannot take it from a teammate (a supervisor can: the header offers it).
    return t(isAdmin(role) ? 'inbox.composer.ownedBy' : 'inbox.composer.ownedByAsk', { name: detail.assignee?.name ?? memberName(members, detail.assigneeId) ?? t('inbox.actions.someoneElse') });
  }
  if (windowState(detail.windowClosesAt, now) === 'closed') return t('inbox.window.refused');
  return null;
}
