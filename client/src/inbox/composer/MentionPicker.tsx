import { Avatar, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Member } from '../api/inbox-types';
import { PickerList } from './PickerList';

interface Props {
  id: string;
  items: Member[];
  active: number;
  query: string;
  onPick: (member: Member) => void;
}

/** The teammates above a note while an `@name` is typed (arrows move, Enter or Tab picks, Escape closes). */
export function MentionPicker({ id, items, active, query, onPick }: Props) {
  const { t } = useTranslation();
  return (
    <PickerList id={id} items={items} active={active} label={t('inbox.composer.mentionList')} testId="mention-picker"
      empty={<Text size="sm" c="dimmed" p="sm">{t('inbox.composer.noMentionMatch', { query })}</Text>}
      keyOf={(m) => m.userId} testIdOf={(m) => `mention-option-${m.userId}`} onPick={onPick}>
      {(m) => (
        <Group gap={8} wrap="nowrap">
          <Avatar size={24} radius="xl" color="yellow" name={m.name} />
          <div style={{ minWidth: 0 }}>
            <Text size="sm" fw={600} truncate>{m.name}</Text>
            <Text size="xs" c="dimmed" truncate>{m.email}</Text>
          </div>
        </Group>
      )}
    </PickerList>
  );
}
