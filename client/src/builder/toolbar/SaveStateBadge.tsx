import { Group, Loader, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCloudOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFlowStore } from '../store/flow-store-context';

/** Saving… / Saved / Error, so people trust that closing the tab loses nothing. */
export function SaveStateBadge() {
  const { t } = useTranslation();
  const state = useFlowStore((s) => s.saveState);
  const look = {
    idle: { icon: <IconCheck size={14} />, color: 'dimmed', label: t('builder.save.saved') },
    saved: { icon: <IconCheck size={14} />, color: 'teal', label: t('builder.save.saved') },
    saving: { icon: <Loader size={12} />, color: 'dimmed', label: t('builder.save.saving') },
    error: { icon: <IconCloudOff size={14} />, color: 'red', label: t('builder.save.error') },
    refused: { icon: <IconCloudOff size={14} />, color: 'red', label: t('builder.save.refused') },
    tooLarge: { icon: <IconCloudOff size={14} />, color: 'red', label: t('builder.save.tooLarge') },
    conflict: { icon: <IconAlertTriangle size={14} />, color: 'orange', label: t('builder.save.conflict') },
  }[state];
  return (
    <Group gap={4} wrap="nowrap" c={look.color} data-testid="save-state" data-state={state} aria-live="polite">
      {look.icon}
      <Text size="xs" c={look.color} fw={500}>
        {look.label}
      </Text>
    </Group>
  );
}
