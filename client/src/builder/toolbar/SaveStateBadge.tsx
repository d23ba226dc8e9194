import { Group, Loader, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCloudOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFlowStore } from '../store/flow-store-context';
import { isQuietSave } from './toolbar-density';

/**
 * Saving… / Saved / Error, so people trust that closing the tab loses nothing. Short of room
 * (`words` false), saved and saving are an icon named in a tooltip; a failure keeps its words, cut
 * to "…" if it must be, and whole on hover.
 */
export function SaveStateBadge({ words = true }: { words?: boolean }) {
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
  const quiet = isQuietSave(state);
  const iconOnly = quiet && !words;
  return (
    <Tooltip label={look.label} disabled={!iconOnly}>
      <Group gap={4} wrap="nowrap" c={look.color} miw={quiet ? undefined : 0} style={{ flex: quiet ? 'none' : '0 1 auto' }} data-testid="save-state" data-state={state} aria-live="polite">
        <span style={{ display: 'flex', flex: 'none' }}>{look.icon}</span>
        {iconOnly ? (
          <VisuallyHidden>{look.label}</VisuallyHidden>
        ) : (
          <Text size="xs" c={look.color} fw={500} truncate title={quiet ? undefined : look.label}>
            {look.label}
          </Text>
        )}
      </Group>
    </Tooltip>
  );
}
