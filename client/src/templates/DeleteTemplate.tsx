import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/error-text';
import { ApiError } from '../api/errors';
import { templatesApi, type Template } from './templates-api';

type DeleteError = { text: string; detail?: string };

/**
 * Why a deletion failed, in the UI language: the campaign that still sends the template by name;
 * when WhatsApp refused, its own words follow (they help whoever fixes the account's permissions).
 */
function deleteError(t: TFunction, err: unknown): DeleteError {
  if (err instanceof ApiError && err.code === 'conflict' && typeof err.details.campaignName === 'string') {
    return { text: t('templates.deleteErrors.campaign', { name: err.details.campaignName, interpolation: { escapeValue: false } }) };
  }
  if (err instanceof ApiError && err.code === 'provider_refused') {
    return { text: t('templates.deleteErrors.refused'), detail: typeof err.details.providerMessage === 'string' ? err.details.providerMessage : undefined };
  }
  return { text: errorText(t, err, { unavailable: 'templates.unreachable', conflict: 'templates.deleteErrors.notSynced' }, 'templates.deleteErrors.failed') };
}

type Props = { channelId: string; template: Template | null; onClose(): void; onDeleted(id: string): void };

/** Asks before deleting one language of a template at WhatsApp; stays open, with why, when it fails. */
export function DeleteTemplate({ channelId, template, onClose, onDeleted }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DeleteError | null>(null);
  const close = () => {
    if (busy) return;
    setError(null);
    onClose();
  };
  const confirm = async () => {
    if (!template) return;
    setBusy(true);
    setError(null);
    try {
      await templatesApi.remove(channelId, template.id);
      onDeleted(template.id);
    } catch (err) {
      // Already gone (deleted in another tab): the list catches up instead of showing an error.
      if (err instanceof ApiError && err.code === 'not_found') onDeleted(template.id);
      else setError(deleteError(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={template !== null} onClose={close} title={t('templates.deleteTitle')} data-testid="template-delete-dialog">
      {template && (
        <Stack gap="sm">
          <Text size="sm" data-testid="template-delete-body">{t('templates.deleteBody', { name: template.name, language: template.language, interpolation: { escapeValue: false } })}</Text>
          <Alert color={template.status === 'APPROVED' ? 'orange' : 'gray'} variant="light">
            <Text size="sm">{t('templates.deleteNameBlocked')}</Text>
          </Alert>
          {error && (
            <Alert color="red" data-testid="template-delete-error">
              {error.text}
              {error.detail && <Text size="xs" c="dimmed" mt={4}>{error.detail}</Text>}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={busy}>{t('settings.members.cancel')}</Button>
            <Button color="red" loading={busy} onClick={() => void confirm()} data-testid="template-delete-confirm">{t('templates.delete')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
