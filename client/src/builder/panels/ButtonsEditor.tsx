// Reply buttons within WhatsApp's limits: at most 3, titles of at most 20 characters. Ids stay
// stable while titles change, so the connections from each button's output survive a rename.
import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { WHATSAPP_LIMITS, type MessageConfig } from '@zyntra/flows-schema';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '../store/new-id';
import { focusNewRow } from './fields/focus-new-row';
import { charCount, limitChars } from './fields/limited';
import { useFieldText } from './fields/use-field-text';
import { removeAt, replaceAt } from './use-node-config';

type Buttons = MessageConfig['buttons'];

export function ButtonsEditor({ buttons, onChange }: { buttons: Buttons; onChange: (buttons: Buttons) => void }) {
  const { t } = useTranslation();
  const f = useFieldText('message');
  const rows = useRef<HTMLDivElement>(null);
  const max = WHATSAPP_LIMITS.buttons;
  const titleMax = WHATSAPP_LIMITS.buttonTitle;
  // The button whose title was just cut at WhatsApp's limit (typed or pasted past it): it says so.
  const [cut, setCut] = useState<string | null>(null);
  return (
    <Stack gap={6} ref={rows}>
      {buttons.map((b, i) => (
        <Group key={b.id} gap={6} wrap="nowrap" align="flex-start">
          <TextInput
            size="xs"
            style={{ flex: 1 }}
            value={b.title}
            placeholder={f.placeholder('buttons.*.title')}
            aria-label={`${f.label('buttons.*.title')} ${i + 1}`}
            onChange={(e) => {
              const title = limitChars(e.currentTarget.value, titleMax);
              setCut(title !== e.currentTarget.value ? b.id : null);
              onChange(replaceAt(buttons, i, { ...b, title }));
            }}
            onBlur={() => setCut(null)}
            error={cut === b.id && t('builder.message.buttonTitleCut', { max: titleMax })}
            rightSection={<Text size="10px" c={charCount(b.title) >= titleMax ? 'orange' : 'dimmed'}>{`${charCount(b.title)}/${titleMax}`}</Text>}
            rightSectionWidth={42}
            data-testid={`button-title-${i}`}
            data-row-input
          />
          <ActionIcon variant="subtle" color="gray" onClick={() => onChange(removeAt(buttons, i))} aria-label={t('builder.remove')}>
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Group gap="xs">
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} />}
          disabled={buttons.length >= max}
          onClick={() => {
            onChange([...buttons, { id: newId('b'), title: '' }]);
            focusNewRow(rows.current, '[data-row-input]');
          }}
          data-testid="add-button"
        >
          {t('builder.message.addButton')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('builder.message.buttonsLimit', { used: buttons.length, max })}
        </Text>
      </Group>
    </Stack>
  );
}
