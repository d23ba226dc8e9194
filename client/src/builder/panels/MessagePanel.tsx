import { NumberInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { WHATSAPP_LIMITS, type MessageConfig } from '@zyntra/flows-schema';
import { useTranslation } from 'react-i18next';
import { newId } from '../store/new-id';
import { ButtonsEditor } from './ButtonsEditor';
import { TemplateField } from './fields/TemplateField';
import { ListEditor } from './ListEditor';
import { MediaEditor } from './MediaEditor';
import type { PanelProps } from './panel-props';
import { useNodeConfig } from './use-node-config';

type Choices = 'none' | 'buttons' | 'list';

const choicesOf = (c: MessageConfig): Choices => (c.buttons.length > 0 ? 'buttons' : c.list ? 'list' : 'none');

/** WhatsApp's text limit drops from 4096 to 1024 with buttons, a list or a caption. */
function textLimit(c: MessageConfig): number {
  const short = c.buttons.length > 0 || c.list !== null || (c.media !== null && c.media.kind !== 'audio');
  return short ? WHATSAPP_LIMITS.interactiveBody : WHATSAPP_LIMITS.text;
}

// Switching kinds starts with one empty choice, so the editor below is never blank.
const switchTo: Record<Choices, () => Pick<MessageConfig, 'buttons' | 'list'>> = {
  none: () => ({ buttons: [], list: null }),
  buttons: () => ({ buttons: [{ id: newId('b'), title: '' }], list: null }),
  list: () => ({ buttons: [], list: { buttonLabel: '', rows: [{ id: newId('r'), title: '' }] } }),
};

export function MessagePanel({ nodeId }: PanelProps) {
  const { t } = useTranslation();
  const { config, patch } = useNodeConfig(nodeId, 'message');
  const choices = choicesOf(config);
  return (
    <Stack gap="md">
      <TemplateField
        label={t('builder.message.text')}
        placeholder={t('builder.message.textPlaceholder', { name: '{{contact.name}}' })}
        value={config.text}
        onChange={(text) => patch({ text })}
        maxChars={textLimit(config)}
        minRows={4}
        testId="message-text"
      />
      <div>
        <Text size="sm" fw={500} mb={4}>
          {t('builder.message.choices')}
        </Text>
        <SegmentedControl
          fullWidth
          size="xs"
          value={choices}
          onChange={(v) => v !== choices && patch(switchTo[v as Choices]())}
          data={[
            { value: 'none', label: t('builder.message.choicesNone') },
            { value: 'buttons', label: t('builder.message.choicesButtons') },
            { value: 'list', label: t('builder.message.choicesList') },
          ]}
          data-testid="message-choices"
        />
      </div>
      {choices === 'buttons' && <ButtonsEditor buttons={config.buttons} onChange={(buttons) => patch({ buttons })} />}
      {choices === 'list' && config.list && <ListEditor list={config.list} onChange={(list) => patch({ list })} />}
      <MediaEditor media={config.media} onChange={(media) => patch({ media })} />
      <NumberInput
        size="xs"
        label={t('builder.message.typingDelay')}
        description={t('builder.message.typingDelayHint')}
        min={0}
        max={10_000}
        step={500}
        clampBehavior="strict"
        allowDecimal={false}
        value={config.typingDelayMs}
        onChange={(v) => patch({ typingDelayMs: typeof v === 'number' ? v : 0 })}
      />
    </Stack>
  );
}
