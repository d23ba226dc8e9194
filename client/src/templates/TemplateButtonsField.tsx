import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { TEMPLATE_LIMITS as L } from '@zyntra/flows-schema';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftButton } from './template-draft';

type Props = { buttons: DraftButton[]; onChange(buttons: DraftButton[]): void; error(field: string): ReactNode };

/** The template's buttons (quick replies and links), each with its problem under it. */
export function TemplateButtonsField({ buttons, onChange, error }: Props) {
  const { t } = useTranslation();
  const setButton = (i: number, patch: Partial<DraftButton>) => onChange(buttons.map((b, j) => (j === i ? { ...b, ...patch } : b)));
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>{t('templates.buttons')}</Text>
      {buttons.map((b, i) => (
        <Group key={i} gap={6} align="flex-start" wrap="nowrap">
          <Select size="xs" w={150} data={[{ value: 'QUICK_REPLY', label: t('templates.quickReply') }, { value: 'URL', label: t('templates.urlButton') }]} value={b.type}
            onChange={(v) => setButton(i, { type: (v ?? 'QUICK_REPLY') as DraftButton['type'] })} aria-label={t('templates.buttonType', { n: i + 1 })} />
          <TextInput size="xs" placeholder={t('templates.buttonText')} value={b.text} maxLength={L.buttonText} onChange={(e) => setButton(i, { text: e.currentTarget.value })}
            error={error(`button-${i}`)} aria-label={t('templates.buttonText')} data-testid={`tpl-button-${i}`} style={{ flex: 1 }} />
          {b.type === 'URL' && <TextInput size="xs" placeholder="https://…" value={b.url} onChange={(e) => setButton(i, { url: e.currentTarget.value })} aria-label={t('templates.urlButton')} style={{ flex: 1 }} />}
          <ActionIcon variant="subtle" color="red" mt={4} onClick={() => onChange(buttons.filter((_, j) => j !== i))} aria-label={t('templates.removeButton')}><IconTrash size={16} /></ActionIcon>
        </Group>
      ))}
      {error('buttons') && <Text size="xs" c="red">{error('buttons')}</Text>}
      <Button size="xs" variant="subtle" w="fit-content" leftSection={<IconPlus size={14} />} disabled={buttons.length >= L.buttons}
        onClick={() => onChange([...buttons, { type: 'QUICK_REPLY', text: '', url: '', example: '' }])} data-testid="tpl-add-button">{t('templates.addButton')}</Button>
    </Stack>
  );
}
