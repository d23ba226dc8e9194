import { Group, NumberInput, Slider, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TemplateField } from './fields/TemplateField';
import { VariableSelect } from './fields/VariableSelect';
import type { PanelProps } from './panel-props';
import { useNodeConfig } from './use-node-config';

const intOr = (v: string | number, fallback: number) => (typeof v === 'number' ? v : fallback);

export function AiReplyPanel({ nodeId }: PanelProps) {
  const { t } = useTranslation();
  const { config, patch } = useNodeConfig(nodeId, 'ai_reply');
  return (
    <Stack gap="md">
      <TemplateField
        label={t('builder.ai.prompt')}
        description={t('builder.ai.promptHint')}
        placeholder={t('builder.ai.promptPlaceholder')}
        value={config.systemPrompt}
        onChange={(systemPrompt) => patch({ systemPrompt })}
        minRows={6}
        testId="ai-prompt"
      />
      <TextInput
        label={t('builder.ai.model')}
        placeholder={t('builder.ai.modelDefault')}
        value={config.model}
        onChange={(e) => patch({ model: e.currentTarget.value })}
      />
      <div>
        <Group justify="space-between">
          <Text size="sm" fw={500}>
            {t('builder.ai.temperature')}
          </Text>
          <Text size="sm" c="dimmed">
            {config.temperature.toFixed(1)}
          </Text>
        </Group>
        <Slider min={0} max={2} step={0.1} value={config.temperature} onChange={(temperature) => patch({ temperature })} label={null} mb="xs" />
        <Text size="xs" c="dimmed">
          {t('builder.ai.temperatureHint')}
        </Text>
      </div>
      <Group grow gap="sm">
        <NumberInput
          label={t('builder.ai.historyWindow')}
          min={1}
          max={50}
          clampBehavior="strict"
          allowDecimal={false}
          value={config.historyWindow}
          onChange={(v) => patch({ historyWindow: intOr(v, 10) })}
        />
        <NumberInput
          label={t('builder.ai.maxTokens')}
          min={1}
          max={4096}
          clampBehavior="strict"
          allowDecimal={false}
          value={config.maxTokens}
          onChange={(v) => patch({ maxTokens: intOr(v, 512) })}
        />
      </Group>
      <NumberInput
        label={t('builder.ai.timeout')}
        min={1}
        max={120}
        clampBehavior="strict"
        allowDecimal={false}
        value={config.timeoutSeconds}
        onChange={(v) => patch({ timeoutSeconds: intOr(v, 30) })}
      />
      <VariableSelect label={t('builder.ai.saveAs')} value={config.saveAs} onChange={(saveAs) => patch({ saveAs })} />
    </Stack>
  );
}
