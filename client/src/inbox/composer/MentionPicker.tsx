import { Avatar, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Member } from '../api/inbox-types';
import classes from './composer.module.css';

interface Props {
  items: Member[];
  active: number;
  query: string;
  onPick: (member: Member) => void;
}

/** The teammates above a note while an `@name` is typed (arrows move, Enter or Tab picks, Escape closes). */
export function MentionPicker({ items, active, query, onPick }: Props) {
  const { t } = useTranslation();
  return (
    <Paper shadow="md" withBorder className={classes.picker} data-testid="mention-picker" role="listbox" aria-label={t('inbox.composer.mentionList')}>
      {items.length === 0 && <Text size="sm" c="dimmed" p="sm">{t('inbox.composer.noMentionMatch', { query })}</Text>}
      <Stack gap={0}>
        {items.map((m, i) => (
          <UnstyledButton
            key={m.userId}
            role="option"
            aria-selected={i === active}
            className={classes.option}
            data-active={i === active || undefined}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onPick(m)}
            data-testid={`mention-option-${m.userId}`}
          >
            <Group gap={8} wrap="nowrap">
              <Avatar size={24} radius="xl" color="yellow" name={m.name} />
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={600} truncate>{m.name}</Text>
                <Text size="xs" c="dimmed" truncate>{m.email}</Text>
              </div>
            </Group>
          </UnstyledButton>
        ))}
      </Stack>
    </Paper>
  );
}
