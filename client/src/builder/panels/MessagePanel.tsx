// The message panel in parts, each subscribed to the fields it edits: typing the text re-renders
// the text box, not the buttons, attachment and delay editors.
import { NumberInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { WHATSAPP_LIMITS, type MessageConfig } from '@zyntra/flows-schema';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { nodeDataOf } from '../canvas/canvas-nodes';
import { useFlowStoreFields } from '../store/flow-store-context';
import { newId } from '../store/new-id';
import { ButtonsEditor } from './ButtonsEditor';
import { TemplateField } from './fields/TemplateField';
import { useFieldText } from './fields/use-field-text';
import { ListEditor } from './ListEditor';
import { MediaEditor } from './MediaEditor';
import type { PanelProps } from './panel-props';
import { useNodeConfigPatch } from './use-node-config';
import { useNodeField } from './use-node-field';

type Choices = 'none' | 'buttons' | 'list';
type Shape = Pick<MessageConfig, 'buttons' | 'list' | 'media'>;

const NO_BUTTONS: MessageConfig['buttons'] = [];

const choicesOf = (c: Shape): Choices => (c.buttons.length > 0 ? 'buttons' : c.list ? 'list' : 'none');

/** WhatsApp's text limit drops from 4096 to 1024 with buttons, a list or a caption. */
function textLimit(c: Shape): number {
  const short = c.buttons.length > 0 || c.list !== null || (c.media !== null && c.media.kind !== 'audio');
  return short ? WHATSAPP_LIMITS.interactiveBody : WHATSAPP_LIMITS.text;
}

// Switching kinds starts with one empty choice, so the editor below is never blank.
const switchTo: Record<Choices, () => Pick<MessageConfig, 'buttons' | 'list'>> = {
  none: () => ({ buttons: [], list: null }),
  buttons: () => ({ buttons: [{ id: newId('b'), title: '' }], list: null }),
  list: () => ({ buttons: [], list: { buttonLabel: '', rows: [{ id: newId('r'), title: '' }] } }),
};

/** Buttons, list and media: what the text limit depends on (not the text itself). */
function useShape(nodeId: string): Shape {
  return useFlowStoreFields((s) => {
    const c = nodeDataOf(s.nodes, nodeId)?.config as MessageConfig | undefined;
    return { buttons: c?.buttons ?? NO_BUTTONS, list: c?.list ?? null, media: c?.media ?? null };
  });
}

const MessageText = memo(function MessageText({ nodeId, maxChars }: { nodeId: string; maxChars: number }) {
  const f = useFieldText('message');
  const [text, setText] = useNodeField(nodeId, 'message', 'text');
  return <TemplateField label={f.label('text')} placeholder={f.placeholder('text')} value={text} onChange={setText} maxChars={maxChars} minRows={4} testId="message-text" />;
});

const ReplyChoices = memo(function ReplyChoices({ nodeId, shape }: { nodeId: string; shape: Shape }) {
  const { t } = useTranslation();
  const patch = useNodeConfigPatch(nodeId, 'message');
  const choices = choicesOf(shape);
  return (
    <>
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
        {choices !== 'none' && (
          <Text size="xs" c="dimmed" mt={4} data-testid="message-choices-hint">
            {t('builder.message.choicesHint')}
          </Text>
        )}
      </div>
      {choices === 'buttons' && <ButtonsEditor buttons={shape.buttons} onChange={(buttons) => patch({ buttons })} />}
      {choices === 'list' && shape.list && <ListEditor list={shape.list} onChange={(list) => patch({ list })} />}
      <MediaEditor media={shape.media} onChange={(media) => patch({ media })} />
    </>
  );
});

const TypingDelay = memo(function TypingDelay({ nodeId }: { nodeId: string }) {
  const f = useFieldText('message');
  const [delay, setDelay] = useNodeField(nodeId, 'message', 'typingDelayMs');
  return (
    <NumberInput
      size="xs"
      label={f.label('typingDelayMs')}
      description={f.hint('typingDelayMs')}
      min={0}
      max={10_000}
      step={500}
      clampBehavior="strict"
      allowDecimal={false}
      value={delay}
      onChange={(v) => setDelay(typeof v === 'number' ? v : 0)}
    />
  );
});

export function MessagePanel({ nodeId }: PanelProps) {
  const shape = useShape(nodeId);
  return (
    <Stack gap="md">
      <MessageText nodeId={nodeId} maxChars={textLimit(shape)} />
      <ReplyChoices nodeId={nodeId} shape={shape} />
      <TypingDelay nodeId={nodeId} />
    </Stack>
  );
}
