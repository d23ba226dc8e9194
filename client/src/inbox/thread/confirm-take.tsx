import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import type { TFunction } from 'i18next';
import type { WorkspaceRole } from '../../api/types';
import { isAdmin } from '../../auth/roles';
import { useAuthStore } from '../../auth/auth-store';
import type { ConversationDetail } from '../api/inbox-types';
import { takeoverActions } from '../sync/actions';

type Held = Pick<ConversationDetail, 'id' | 'status' | 'assigneeId'>;

/**
 * What taking this chat means for the caller: `take` (nobody holds it), `takeOver` (a teammate holds
 * it and the caller supervises, asked first), or null (theirs already, closed, or an agent's to
 * ask for: the server would refuse, so no button offers it).
 */
export function takeKind(d: Held, meId: string | undefined, role: WorkspaceRole | null): 'take' | 'takeOver' | null {
  if (d.status === 'closed' || d.assigneeId === meId) return null;
  if (!d.assigneeId) return 'take';
  return isAdmin(role) ? 'takeOver' : null;
}

/** Takes the chat, or — held by a teammate — asks the supervisor first, naming who loses it. */
export function takeOrAsk(t: TFunction, d: Held, holder: string | null) {
  const { user, role } = useAuthStore.getState();
  const kind = takeKind(d, user?.id, role);
  if (kind === 'take') return void takeoverActions.take(d.id);
  if (kind !== 'takeOver') return;
  const name = holder ?? t('inbox.actions.someoneElse');
  modals.openConfirmModal({
    title: t('inbox.actions.takeOverTitle', { name }),
    children: <Text size="sm">{t('inbox.actions.takeOverBody', { name })}</Text>,
    labels: { confirm: t('inbox.actions.takeOver'), cancel: t('inbox.actions.cancel') },
    confirmProps: { 'data-testid': 'confirm-take-over' } as Record<string, string>,
    onConfirm: () => void takeoverActions.takeOver(d.id),
  });
}
