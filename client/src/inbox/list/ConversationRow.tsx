import { Avatar, Badge, Group, Highlight, Text, UnstyledButton } from '@mantine/core';
import { IconAlarmSnooze, IconNote, IconRobot, IconSearch, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatRelative } from '../../flows-list/format-time';
import { ChannelTypeIcon } from '../../settings/channels/channel-visuals';
import type { ConversationItem, InboxChannel } from '../api/inbox-types';
import { contactLabel } from '../format';
import { messageWords } from '../thread/message-words';
import classes from './list.module.css';
import { matchExcerpt } from './match-excerpt';
import { snoozeLabel } from '../snooze/snooze-words';

interface RowProps {
  item: ConversationItem;
  selected: boolean;
  assigneeName: string | null;
  /** Shown when the workspace has more than one channel, so agents see where the customer wrote. */
  channel: InboxChannel | null;
  /** The list's search: a row it found by a message shows that message, the term marked. */
  searched: string;
  onOpen: (id: string) => void;
}

function Found({ text, searched }: { text: string; searched: string }) {
  const { t } = useTranslation();
  const excerpt = matchExcerpt(text, searched);
  return (
    <Group gap={4} wrap="nowrap" miw={0} data-testid="row-match">
      <IconSearch size={13} color="var(--mantine-color-gray-6)" style={{ flexShrink: 0 }} aria-label={t('inbox.list.foundIn')} role="img" />
      <Highlight size="xs" c="dimmed" className={classes.preview} highlight={excerpt.mark} highlightStyles={{ padding: 0 }}>
        {excerpt.text}
      </Highlight>
    </Group>
  );
}

function Preview({ item, searched }: { item: ConversationItem; searched: string }) {
  const { t, i18n } = useTranslation();
  if (item.match && searched.trim()) return <Found text={item.match.text} searched={searched} />;
  const last = item.lastMessage;
  if (!last) return <Text size="xs" c="dimmed">{t('inbox.list.noMessages')}</Text>;
  const Icon = last.type === 'note' ? IconNote : last.author === 'bot' ? IconRobot : last.author === 'agent' ? IconUser : null;
  return (
    <Group gap={4} wrap="nowrap" miw={0}>
      {Icon && <Icon size={13} color="var(--mantine-color-gray-6)" style={{ flexShrink: 0 }} />}
      <Text size="xs" c="dimmed" className={classes.preview}>
        {messageWords(last, i18n.language)}
      </Text>
    </Group>
  );
}

export function ConversationRow({ item, selected, assigneeName, channel, searched, onOpen }: RowProps) {
  const { t, i18n } = useTranslation();
  const name = contactLabel(item.contact, (ref) => t('inbox.unnamedContact', { ref }));
  return (
    <UnstyledButton
      className={classes.row}
      data-selected={selected || undefined}
      onClick={() => onOpen(item.id)}
      data-testid={`conversation-${item.id}`}
      data-status={item.status}
      aria-current={selected || undefined}
    >
      {/* The initials are a picture: a screen reader names the row by the contact's name, not "D R". */}
      <Avatar name={item.contact.name?.trim() || undefined} color="initials" radius="xl" size={38} aria-hidden />
      <div className={classes.rowBody}>
        <Group justify="space-between" wrap="nowrap" gap={6}>
          <Text size="sm" fw={item.unreadCount > 0 ? 700 : 600} truncate data-testid="row-name">
            {name}
          </Text>
          <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
            {channel && (
              <span role="img" title={channel.name} aria-label={t('inbox.list.via', { name: channel.name })} data-testid="row-channel" style={{ display: 'flex' }}>
                <ChannelTypeIcon type={channel.type} size={18} />
              </span>
            )}
            <Text size="xs" c="dimmed">
              {formatRelative(item.lastMessageAt, i18n.language)}
            </Text>
          </Group>
        </Group>
        <Group justify="space-between" wrap="nowrap" gap={6}>
          <Preview item={item} searched={searched} />
          {item.unreadCount > 0 && (
            <Badge size="sm" circle color="teal" style={{ flexShrink: 0 }} data-testid="row-unread">
              {item.unreadCount > 99 ? '99+' : item.unreadCount}
            </Badge>
          )}
        </Group>
        {/* A snoozed row's "until tomorrow, 9:00 AM" goes to a line of its own when it does not fit:
            cut on one line, it left "Br…" where a supervisor reads who holds the chat. */}
        <Group gap={4} mt={4} style={{ rowGap: 2 }} wrap={item.snoozedUntil ? 'wrap' : 'nowrap'}>
          <Badge size="xs" variant="light" color={STATUS_COLOR[item.status]} data-testid="row-status">
            {t(`inbox.status.${item.status}`)}
          </Badge>
          {assigneeName && (
            <Badge size="xs" variant="outline" color="gray" tt="none" maw={140} data-testid="row-assignee">
              {assigneeName}
            </Badge>
          )}
          {item.snoozedUntil && (
            <Badge size="xs" variant="light" color="blue" tt="none" leftSection={<IconAlarmSnooze size={11} />} style={{ flexShrink: 0 }} data-testid="row-snoozed">
              {t('inbox.snooze.row', { when: snoozeLabel(t, item.snoozedUntil, i18n.language) })}
            </Badge>
          )}
        </Group>
      </div>
    </UnstyledButton>
  );
}

export const STATUS_COLOR = { bot: 'grape', waiting: 'orange', human: 'teal', closed: 'gray' } as const;
