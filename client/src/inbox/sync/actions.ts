// Taking over and letting go: take, assign to a teammate or a team, hand back to the bot, close,
// reopen. A lost race to take a chat names the winner (from the 409 body).
import { notifications } from '@mantine/notifications';
import { ApiError } from '../../api/errors';
import { useAuthStore } from '../../auth/auth-store';
import i18n from '../../i18n';
import { inboxApi } from '../api/inbox-api';
import { memberName } from '../format';
import { inboxStore } from '../store/inbox-store';
import { refreshCounts, refreshConversation } from './list-loader';
import { refreshBotInfo } from './thread-loader';
import { snoozeLabel } from '../snooze/snooze-words';

const t = i18n.t.bind(i18n);

export const isClosedConflict = (err: Pick<ApiError, 'status' | 'details'>): boolean => err.status === 409 && err.details.status === 'closed';

/** Who holds the chat, from a 409 answer: the server's name, else our member list. */
export function conflictOwner(err: ApiError): string {
  const named = typeof err.details.assigneeName === 'string' ? err.details.assigneeName : null;
  const id = typeof err.details.assigneeId === 'string' ? err.details.assigneeId : null;
  return named ?? memberName(inboxStore.getState().members, id) ?? t('inbox.actions.someoneElse');
}

/**
 * A 409 in words: the chat was closed meanwhile (the server says `status: "closed"`, whoever held it),
 * the customer has another open chat (reopening), or someone else holds it.
 */
export function conflictText(err: ApiError): string {
  if (err.code === 'not_snoozable') return t('inbox.snooze.notHeld');
  if (isClosedConflict(err)) return t('inbox.actions.alreadyClosed');
  if (typeof err.details.conversationId === 'string') return t('inbox.actions.openElsewhere');
  return t('inbox.actions.takenBy', { name: conflictOwner(err) });
}

function report(err: unknown): void {
  if (err instanceof ApiError && err.status === 409) {
    notifications.show({ color: 'orange', message: conflictText(err) });
    return;
  }
  const network = err instanceof ApiError && err.code === 'network_error';
  notifications.show({ color: 'red', message: t(network ? 'errors.network' : 'inbox.actions.failed') });
}

async function run(id: string, call: () => Promise<unknown>, done?: string): Promise<boolean> {
  try {
    await call();
    if (done) notifications.show({ color: 'teal', message: done });
    return true;
  } catch (err) {
    report(err);
    return false;
  } finally {
    await refreshConversation(id);
    void refreshBotInfo(id);
    refreshCounts();
  }
}

/** Whom a chat is given to: a teammate or a team. */
export type AssignTarget = { kind: 'user' | 'team'; id: string; name: string };

const me = () => useAuthStore.getState().user?.id ?? '';

export const takeoverActions = {
  take: (id: string) => run(id, () => inboxApi.assign(id, { assigneeId: me() })),
  /** A supervisor's: from the teammate holding it. */
  takeOver: (id: string) => run(id, () => inboxApi.assign(id, { assigneeId: me(), takeOver: true }), t('inbox.actions.tookOver')),
  /** To a teammate or a team's queue; `takeOver` (a supervisor's) from whoever holds it. */
  assign: (id: string, to: AssignTarget, takeOver = false) =>
    run(id, () => inboxApi.assign(id, { ...(to.kind === 'user' ? { assigneeId: to.id } : { teamId: to.id }), ...(takeOver ? { takeOver } : {}) }), t('inbox.actions.assignedTo', { name: to.name })),
  handback: (id: string, flowId?: string) => run(id, () => inboxApi.handback(id, flowId), t('inbox.actions.handedBack')),
  close: (id: string) => run(id, () => inboxApi.close(id), t('inbox.actions.closed')),
  reopen: (id: string) => run(id, () => inboxApi.reopen(id), t('inbox.actions.reopened')),
  /** Out of the lists until `until`, or until the customer writes. */
  snooze: (id: string, until: Date) => run(id, () => inboxApi.snooze(id, until), t('inbox.snooze.done', { when: snoozeLabel(t, until, i18n.language) })),
  unsnooze: (id: string) => run(id, () => inboxApi.unsnooze(id), t('inbox.snooze.woke')),
};
