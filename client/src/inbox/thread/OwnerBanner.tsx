import { Group, Text } from '@mantine/core';
import { IconPlayerPause, IconRobot, IconUserQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatRelative } from '../../flows-list/format-time';
import { useInbox } from '../store/inbox-store';

/** Who is answering this chat right now: the bot, nobody yet, or a person (and the bot is paused). */
export function OwnerBanner() {
  const { t, i18n } = useTranslation();
  const detail = useInbox((s) => s.thread?.detail);
  if (!detail || detail.status === 'closed') return null;
  const look = {
    human: { Icon: IconPlayerPause, bg: 'var(--mantine-color-teal-0)', text: t('inbox.banner.botPaused') },
    waiting: {
      Icon: IconUserQuestion,
      bg: 'var(--mantine-color-orange-0)',
      text: detail.transferredAt
        ? t('inbox.banner.waitingSince', { when: formatRelative(detail.transferredAt, i18n.language) })
        : t('inbox.banner.waiting'),
    },
    bot: { Icon: IconRobot, bg: 'var(--mantine-color-grape-0)', text: t('inbox.banner.bot') },
  }[detail.status];
  return (
    <Group gap={8} px="md" py={6} bg={look.bg} wrap="nowrap" data-testid="owner-banner" data-status={detail.status}>
      <look.Icon size={16} style={{ flexShrink: 0 }} />
      <Text size="xs">{look.text}</Text>
    </Group>
  );
}
