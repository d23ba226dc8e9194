import { Center, Stack, Text } from '@mantine/core';
import { IconMessages } from '@tabler/icons-react';
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Composer } from '../composer/Composer';
import { useInbox } from '../store/inbox-store';
import { sender } from '../sync/send-service';
import { Arrivals } from './Arrivals';
import { MessageList } from './MessageList';
import { OwnerBanner } from './OwnerBanner';
import { SnoozeBanner } from '../snooze/SnoozeBanner';
import { ThreadHeader } from './ThreadHeader';
import { ThreadUnavailable } from './ThreadUnavailable';

interface PaneProps {
  onBack: () => void;
  onToggleSide: () => void;
  /** The contact's details show (beside the thread, or in the drawer). */
  sideShown: boolean;
}

export const ThreadPane = forwardRef<HTMLTextAreaElement, PaneProps>(function ThreadPane({ onBack, onToggleSide, sideShown }, composerRef) {
  const { t } = useTranslation();
  const id = useInbox((s) => s.thread?.id);
  const status = useInbox((s) => s.thread?.status);
  if (!id) {
    return (
      <Center h="100%" data-testid="thread-none">
        <Stack align="center" gap={6}>
          <IconMessages size={40} color="var(--mantine-color-gray-5)" />
          <Text c="dimmed" size="sm">{t('inbox.thread.pick')}</Text>
          <Text c="dimmed" size="xs">{t('inbox.shortcuts.hint')}</Text>
        </Stack>
      </Center>
    );
  }
  if (status === 'missing' || status === 'error') return <ThreadUnavailable id={id} missing={status === 'missing'} onBack={onBack} />;
  return (
    <Stack gap={0} h="100%" data-testid="thread" data-conversation-id={id}>
      <ThreadHeader onBack={onBack} onToggleSide={onToggleSide} sideShown={sideShown} />
      <OwnerBanner />
      <SnoozeBanner />
      <MessageList onRetry={(localId) => void sender.retry(id, localId)} />
      <Arrivals />
      <Composer ref={composerRef} />
    </Stack>
  );
});
