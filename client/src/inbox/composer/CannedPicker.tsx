import { Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CannedResponse } from '../api/inbox-types';
import classes from './composer.module.css';

interface Props {
  items: CannedResponse[];
  active: number;
  onPick: (item: CannedResponse) => void;
}

/** The list above the composer while a `/shortcut` is typed (arrows move, Enter or Tab picks). */
export function CannedPicker({ items, active, onPick }: Props) {
  const { t } = useTranslation();
  return (
    <Paper shadow="md" withBorder className={classes.picker} data-testid="canned-picker" role="listbox" aria-label={t('inbox.composer.canned')}>
      {items.length === 0 && <Text size="sm" c="dimmed" p="sm">{t('inbox.composer.noCanned')}</Text>}
      <Stack gap={0}>
        {items.map((c, i) => (
          <UnstyledButton
            key={c.id}
            role="option"
            aria-selected={i === active}
            className={classes.option}
            data-active={i === active || undefined}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onPick(c)}
            data-testid={`canned-${c.shortcut}`}
          >
            <Text size="sm" fw={600}>/{c.shortcut}</Text>
            <Text size="xs" c="dimmed" lineClamp={1}>{c.text}</Text>
          </UnstyledButton>
        ))}
      </Stack>
    </Paper>
  );
}
