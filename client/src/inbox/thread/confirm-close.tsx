import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import type { TFunction } from 'i18next';
import { takeoverActions } from '../sync/actions';

/**
 * Closing is asked once more: the chat leaves everyone's open folders. The focus starts on Close, so
 * the shortcut's E then Enter closes (the dialog's first control would be its × instead).
 */
export function confirmClose(t: TFunction, id: string) {
  modals.openConfirmModal({
    title: t('inbox.actions.closeTitle'),
    children: <Text size="sm">{t('inbox.actions.closeBody')}</Text>,
    labels: { confirm: t('inbox.actions.close'), cancel: t('inbox.actions.cancel') },
    confirmProps: { 'data-testid': 'confirm-close', 'data-autofocus': true } as Record<string, string | boolean>,
    onConfirm: () => void takeoverActions.close(id),
  });
}
