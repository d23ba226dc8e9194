import { Button, Group, Modal, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../flows-list/notify';
import type { Autosave } from '../hooks/useAutosave';

/** Shown when a save finds that the draft changed elsewhere: keep theirs (reload) or ours (overwrite). */
export function ConflictModal({ autosave }: { autosave: Autosave }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<'reload' | 'overwrite' | null>(null);
  const run = (which: 'reload' | 'overwrite', action: () => Promise<unknown>) => {
    setBusy(which);
    action()
      .catch((err: unknown) => notifyError(t, err))
      .finally(() => setBusy(null));
  };
  return (
    <Modal
      opened={autosave.conflict}
      onClose={() => undefined}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      centered
      title={<Text fw={600}>{t('builder.conflict.title')}</Text>}
      data-testid="conflict-modal"
    >
      <Text size="sm">{t('builder.conflict.body')}</Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" loading={busy === 'reload'} disabled={busy !== null} onClick={() => run('reload', autosave.reload)} data-testid="conflict-reload">
          {t('builder.conflict.reload')}
        </Button>
        <Button color="orange" loading={busy === 'overwrite'} disabled={busy !== null} onClick={() => run('overwrite', autosave.overwrite)} data-testid="conflict-overwrite">
          {t('builder.conflict.overwrite')}
        </Button>
      </Group>
    </Modal>
  );
}
