// A WhatsApp list message: a button label (≤ 20) opening up to 10 rows (title ≤ 24, description ≤ 72).
import { ActionIcon, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { WHATSAPP_LIMITS, type MessageConfig } from '@zyntra/flows-schema';
import { useTranslation } from 'react-i18next';
import { newId } from '../store/new-id';
import { limitChars } from './fields/limited';
import { removeAt, replaceAt } from './use-node-config';

type List = NonNullable<MessageConfig['list']>;

export function ListEditor({ list, onChange }: { list: List; onChange: (list: List) => void }) {
  const { t } = useTranslation();
  const L = WHATSAPP_LIMITS;
  const setRow = (i: number, change: Partial<List['rows'][number]>) =>
    onChange({ ...list, rows: replaceAt(list.rows, i, { ...list.rows[i]!, ...change }) });
  return (
    <Stack gap={8}>
      <TextInput
        size="xs"
        label={t('builder.message.listButton')}
        placeholder={t('builder.message.listButtonPlaceholder')}
        value={list.buttonLabel}
        onChange={(e) => onChange({ ...list, buttonLabel: limitChars(e.currentTarget.value, L.listButtonLabel) })}
        data-testid="list-button-label"
      />
      {list.rows.map((row, i) => (
        <Paper key={row.id} withBorder p={6} radius="sm">
          <Group gap={6} wrap="nowrap" align="flex-start">
            <Stack gap={4} style={{ flex: 1 }}>
              <TextInput
                size="xs"
                value={row.title}
                placeholder={t('builder.message.rowTitle', { n: i + 1 })}
                aria-label={t('builder.message.rowTitle', { n: i + 1 })}
                onChange={(e) => setRow(i, { title: limitChars(e.currentTarget.value, L.rowTitle) })}
                data-testid={`row-title-${i}`}
              />
              <TextInput
                size="xs"
                value={row.description ?? ''}
                placeholder={t('builder.message.rowDescription')}
                aria-label={t('builder.message.rowDescription')}
                onChange={(e) => {
                  const description = limitChars(e.currentTarget.value, L.rowDescription);
                  setRow(i, { description: description || undefined });
                }}
              />
            </Stack>
            <ActionIcon variant="subtle" color="gray" onClick={() => onChange({ ...list, rows: removeAt(list.rows, i) })} aria-label={t('builder.remove')}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        </Paper>
      ))}
      <Group gap="xs">
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} />}
          disabled={list.rows.length >= L.listRows}
          onClick={() => onChange({ ...list, rows: [...list.rows, { id: newId('r'), title: '' }] })}
          data-testid="add-row"
        >
          {t('builder.message.addRow')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('builder.message.rowsLimit', { used: list.rows.length, max: L.listRows })}
        </Text>
      </Group>
    </Stack>
  );
}
