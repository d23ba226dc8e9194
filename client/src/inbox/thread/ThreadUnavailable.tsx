// A conversation that did not open: gone or from another workspace (an old link), or a failed
// read worth another try. Either way the agent has a way back, also on a phone where the list is hidden.
import { Button, Center, Group, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { inboxStore } from '../store/inbox-store';
import { openConversation } from '../sync/thread-loader';

export function ThreadUnavailable({ id, missing, onBack }: { id: string; missing: boolean; onBack: () => void }) {
  const { t } = useTranslation();
  const retry = () => {
    inboxStore.getState().setThreadStatus(id, 'loading');
    void openConversation(id);
  };
  return (
    <Center h="100%" p="md" data-testid="thread-unavailable" data-missing={missing}>
      <Stack align="center" gap="sm">
        <Text c={missing ? 'dimmed' : 'red'} ta="center">{t(missing ? 'inbox.thread.missing' : 'inbox.thread.loadError')}</Text>
        <Group gap="xs" justify="center">
          <Button variant="default" size="xs" leftSection={<IconArrowLeft size={16} />} onClick={onBack} data-testid="thread-unavailable-back">
            {t('inbox.thread.back')}
          </Button>
          {!missing && (
            <Button variant="light" size="xs" leftSection={<IconRefresh size={16} />} onClick={retry}>{t('inbox.retry')}</Button>
          )}
        </Group>
      </Stack>
    </Center>
  );
}
