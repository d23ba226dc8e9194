import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import type { TFunction } from 'i18next';
import { useAuthStore } from '../../auth/auth-store';
import { takeoverActions, type AssignTarget } from '../sync/actions';
import { assignKind, takeKind, type Held } from './hold-rules';

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
    confirmProps: { 'data-testid': 'confirm-take-over', 'data-autofocus': true } as Record<string, string | boolean>,
    onConfirm: () => void takeoverActions.takeOver(d.id),
  });
}

/**
 * Gives the chat to a teammate or a team; asks first when the caller cannot undo it (an agent's own
 * chat) or takes it from someone (a supervisor's, naming the holder).
 */
export function assignOrAsk(t: TFunction, d: Held, to: AssignTarget, holder: string | null) {
  const { user, role } = useAuthStore.getState();
  const kind = assignKind(d, to.kind === 'user' ? to.id : null, user?.id, role);
  if (kind === 'direct') return void takeoverActions.assign(d.id, to);
  if (kind === null) return;
  const name = to.name;
  const held = holder ?? t('inbox.actions.someoneElse');
  const handOver = kind === 'handOver';
  // Given to a team, the chat waits in its queue for whoever of the team takes it (the giver too,
  // when they are in it); given to a person, only a supervisor can give it back.
  const handOverBody = to.kind === 'team' ? t('inbox.actions.handOverTeamBody', { name }) : t('inbox.actions.handOverBody');
  modals.openConfirmModal({
    title: handOver ? t('inbox.actions.handOverTitle', { name }) : t('inbox.actions.reassignTitle', { holder: held }),
    children: <Text size="sm">{handOver ? handOverBody : t('inbox.actions.reassignBody', { holder: held, name })}</Text>,
    labels: { confirm: handOver ? t('inbox.actions.handOver') : t('inbox.actions.reassign', { name }), cancel: t('inbox.actions.cancel') },
    confirmProps: { 'data-testid': 'confirm-assign', 'data-autofocus': true } as Record<string, string | boolean>,
    onConfirm: () => void takeoverActions.assign(d.id, to, !handOver),
  });
}
