import { Button, Group, Text } from '@mantine/core';
import { IconAlarmSnooze } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useInbox } from '../store/inbox-store';
import { isSnoozed } from '../store/list-ops';
import { takeoverActions } from '../sync/actions';
import { snoozeLabel } from './snooze-words';

/** Over a snoozed chat: until when, and the way to bring it back now. */
export function SnoozeBanner() {
  const { t, i18n } = useTranslation();
  const detail = useInbox((s) => s.thread?.detail);
  if (!detail?.snoozedUntil || !isSnoozed(detail)) return null;
  return (
    <Group gap={8} px="md" py={6} bg="var(--mantine-color-blue-0)" wrap="nowrap" justify="space-between" data-testid="snooze-banner">
      <Group gap={8} wrap="nowrap" miw={0}>
        <IconAlarmSnooze size={16} style={{ flexShrink: 0 }} />
        <Text size="xs" data-testid="snooze-until">{t('inbox.snooze.banner', { when: snoozeLabel(t, detail.snoozedUntil, i18n.language) })}</Text>
      </Group>
      <Button size="compact-xs" variant="light" style={{ flexShrink: 0 }} onClick={() => void takeoverActions.unsnooze(detail.id)} data-testid="unsnooze">
        {t('inbox.snooze.wake')}
      </Button>
    </Group>
  );
}
