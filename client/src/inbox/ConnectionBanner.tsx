import { Group, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useInbox } from './store/inbox-store';

/** A thin strip while the live line is down; it catches up by itself once back. */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const state = useInbox((s) => s.connection);
  if (state !== 'reconnecting') return null;
  return (
    <Group gap={8} justify="center" py={4} bg="yellow.1" data-testid="reconnecting" role="status">
      <Loader size={12} color="yellow.8" />
      <Text size="xs" c="yellow.9">{t('inbox.reconnecting')}</Text>
    </Group>
  );
}
