// A WhatsApp list message: a button label (≤ 20) opening up to 10 rows (title ≤ 24, description ≤ 72).
import { ActionIcon, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { WHATSAPP_LIMITS, type MessageConfig } from '@zyntra/flows-schema';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '../store/new-id';
import { focusNewRow } from './fields/focus-new-row';
import { limitChars } from './fields/limited';
import { useFieldText } from './fields/use-field-text';
import { removeAt, replaceAt } from './use-node-config';

type List = NonNullable<MessageConfig['list']>;

export function ListEditor({ list, onChange }: { list: List; onChange: (list: List) => void }) {
  const { t } = useTranslation();
  const f = useFieldText('message');
  const rows = useRef<HTMLDivElement>(null);
  const L = WHATSAPP_LIMITS;
  const setRow = (i: number, change: Partial<List['rows'][number]>) =>
    onChange({ ...list, rows: replaceAt(list.rows, i, { ...list.rows[i]!, ...change }) });
  return (
    <Stack gap={8} ref={rows}>
      <TextInput
        size="xs"
        label={f.label('list.buttonLabel')}
        placeholder={f.placeholder('list.buttonLabel')}
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
                placeholder={f.placeholder('list.rows.*.title')}
                aria-label={`${f.label('list.rows.*.title')} ${i + 1}`}
                onChange={(e) => setRow(i, { title: limitChars(e.currentTarget.value, L.rowTitle) })}
                data-testid={`row-title-${i}`}
                data-row-input
              />
              <TextInput
                size="xs"
                value={row.description ?? ''}
                placeholder={f.label('list.rows.*.description')}
                aria-label={f.label('list.rows.*.description')}
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
          onClick={() => {
            onChange({ ...list, rows: [...list.rows, { id: newId('r'), title: '' }] });
            focusNewRow(rows.current, '[data-row-input]');
          }}
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
