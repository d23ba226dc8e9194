import { ScrollArea, Stack } from '@mantine/core';
import { useInbox } from '../store/inbox-store';
import { BotCard } from './BotCard';
import { ContactCard } from './ContactCard';

/** Beside the thread: the contact (editable) and what the bot collected and did. */
export function SidePanel() {
  const thread = useInbox((s) => s.thread);
  if (!thread?.detail) return null;
  return (
    <ScrollArea h="100%" data-testid="side-panel">
      <Stack gap="sm" p="sm">
        <ContactCard key={`${thread.detail.contact.id}-${thread.detail.contact.name}-${thread.detail.contact.tags.join(',')}`} conversationId={thread.id} channelId={thread.detail.channelId} contact={thread.detail.contact} />
        <BotCard session={thread.session} runlog={thread.runlog} conversationStatus={thread.detail.status} />
      </Stack>
    </ScrollArea>
  );
}
