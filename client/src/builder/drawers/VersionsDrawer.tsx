// Published versions, newest first, with who published them and when; any one can be copied back
// into the draft (the draft's current content is replaced, after a confirmation).
import { Badge, Button, Drawer, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconHistory } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { flowsApi, type FlowVersion } from '../../flows-list/flows-api';
import { formatDateTime, formatRelative } from '../../flows-list/format-time';
import { notifyError, notifySuccess } from '../../flows-list/notify';
import { testId } from '../../flows-list/test-id';
import type { Autosave } from '../hooks/useAutosave';
import { useFlowStore, useFlowStoreApi } from '../store/flow-store-context';

interface VersionsDrawerProps {
  flowId: string;
  publishedVersion: number | null;
  /** The live version's id: a new one (a publish here or elsewhere) refreshes an open drawer. */
  refreshKey: string | null;
  autosave: Autosave;
}

/** Copies a version into the draft, then makes the editor show (and treat as saved) the result. */
async function restoreVersion(flowId: string, version: FlowVersion, autosave: Autosave): Promise<void> {
  // A save still in flight would land after the restore and undo it.
  if (!(await autosave.flush())) throw new Error('draft not saved');
  autosave.adopt(await flowsApi.restore(flowId, version.id, autosave.revision()));
}

export function VersionsDrawer({ flowId, publishedVersion, refreshKey, autosave }: VersionsDrawerProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  const store = useFlowStoreApi();
  const opened = useFlowStore((s) => s.drawer === 'versions');
  const [versions, setVersions] = useState<FlowVersion[] | null>(null);

  useEffect(() => {
    if (!opened) return;
    let live = true;
    flowsApi.versions(flowId).then(
      (items) => live && setVersions(items),
      (err: unknown) => notifyError(t, err),
    );
    return () => {
      live = false;
    };
  }, [opened, flowId, refreshKey, t]);

  const confirmRestore = (v: FlowVersion) =>
    modals.openConfirmModal({
      title: t('builder.versions.restoreTitle', { version: v.version }),
      children: <Text size="sm">{t('builder.versions.restoreBody')}</Text>,
      labels: { confirm: t('builder.versions.restore'), cancel: t('flows.cancel') },
      confirmProps: testId('confirm-restore'),
      onConfirm: () =>
        void restoreVersion(flowId, v, autosave).then(
          () => notifySuccess(t('builder.versions.restored', { version: v.version })),
          (err: unknown) => notifyError(t, err),
        ),
    });

  return (
    <Drawer opened={opened} onClose={() => store.getState().setDrawer(null)} position="right" size={380} title={<Text fw={600}>{t('builder.versions.title')}</Text>}>
      {versions === null ? (
        <Loader size="sm" />
      ) : versions.length === 0 ? (
        <Stack align="center" py="xl" gap="xs">
          <IconHistory size={40} color="var(--mantine-color-gray-5)" />
          <Text c="dimmed" ta="center">
            {t('builder.versions.none')}
          </Text>
        </Stack>
      ) : (
        <Stack gap="xs" data-testid="versions-list">
          {versions.map((v) => (
            <Paper key={v.id} withBorder p="sm" radius="md" data-testid={`version-${v.version}`}>
              <Group justify="space-between" wrap="nowrap">
                <div style={{ minWidth: 0 }}>
                  <Group gap={6}>
                    <Text fw={600}>{t('builder.versions.label', { version: v.version })}</Text>
                    {v.version === publishedVersion && (
                      <Badge size="xs" color="teal">
                        {t('builder.versions.live')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed" title={formatDateTime(v.createdAt, locale)}>
                    {t('builder.versions.by', { name: v.publishedBy?.name || t('builder.versions.someone'), when: formatRelative(v.createdAt, locale) })}
                  </Text>
                </div>
                <Button size="xs" variant="light" onClick={() => confirmRestore(v)} style={{ flexShrink: 0 }} data-testid={`restore-${v.version}`}>
                  {t('builder.versions.restore')}
                </Button>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </Drawer>
  );
}
