import { Group, NumberInput, SegmentedControl, Select, Stack, Switch, TagsInput } from '@mantine/core';
import type { WaitConfig } from '@zyntra/flows-schema';
import { useTranslation } from 'react-i18next';
import { TemplateField } from './fields/TemplateField';
import { useFieldText } from './fields/use-field-text';
import { VariableSelect } from './fields/VariableSelect';
import type { PanelProps } from './panel-props';
import { useNodeConfig } from './use-node-config';

const EXPECTS: WaitConfig['expect'][] = ['any', 'text', 'number', 'email', 'phone', 'option'];
const MODES: WaitConfig['mode'][] = ['reply', 'delay'];
const MAX_SECONDS = 30 * 24 * 60 * 60;
const intOr = (v: string | number, fallback: number) => (typeof v === 'number' ? v : fallback);

function ReplySettings({ config, patch }: { config: WaitConfig; patch: (c: Partial<WaitConfig>) => void }) {
  const { t } = useTranslation();
  const f = useFieldText('wait');
  return (
    <>
      <VariableSelect label={f.label('saveAs')} value={config.saveAs} onChange={(saveAs) => patch({ saveAs })} testId="wait-save-as" />
      <Select
        label={f.label('expect')}
        data={f.options('expect', EXPECTS)}
        value={config.expect}
        onChange={(v) => v && patch({ expect: v as WaitConfig['expect'] })}
        comboboxProps={{ withinPortal: true }}
      />
      {config.expect === 'option' && (
        <TagsInput label={f.label('options')} description={f.hint('options')} value={config.options} onChange={(options) => patch({ options })} />
      )}
      {config.expect !== 'any' && (
        <>
          <TemplateField
            label={f.label('retryPrompt')}
            placeholder={f.placeholder('retryPrompt')}
            value={config.retryPrompt}
            onChange={(retryPrompt) => patch({ retryPrompt })}
            minRows={2}
          />
          <NumberInput
            label={f.label('maxRetries')}
            min={0}
            max={10}
            clampBehavior="strict"
            allowDecimal={false}
            value={config.maxRetries}
            onChange={(v) => patch({ maxRetries: intOr(v, 0) })}
          />
        </>
      )}
      <Group align="flex-end" gap="sm" wrap="nowrap">
        <Switch
          label={f.label('timeoutSeconds')}
          checked={config.timeoutSeconds !== null}
          onChange={(e) => patch({ timeoutSeconds: e.currentTarget.checked ? 3600 : null })}
          mb={8}
        />
        {config.timeoutSeconds !== null && (
          <NumberInput
            style={{ flex: 1 }}
            aria-label={f.label('timeoutSeconds')}
            placeholder={t('builder.wait.seconds')}
            min={1}
            max={MAX_SECONDS}
            clampBehavior="strict"
            allowDecimal={false}
            value={config.timeoutSeconds}
            onChange={(v) => patch({ timeoutSeconds: intOr(v, 1) })}
          />
        )}
      </Group>
    </>
  );
}

export function WaitPanel({ nodeId }: PanelProps) {
  const f = useFieldText('wait');
  const { config, patch } = useNodeConfig(nodeId, 'wait');
  return (
    <Stack gap="md">
      <SegmentedControl fullWidth value={config.mode} onChange={(v) => patch({ mode: v as WaitConfig['mode'] })} data={f.options('mode', MODES)} aria-label={f.label('mode')} />
      {config.mode === 'reply' ? (
        <ReplySettings config={config} patch={patch} />
      ) : (
        <NumberInput
          label={f.label('delaySeconds')}
          min={1}
          max={MAX_SECONDS}
          clampBehavior="strict"
          allowDecimal={false}
          value={config.delaySeconds}
          onChange={(v) => patch({ delaySeconds: intOr(v, 1) })}
        />
      )}
    </Stack>
  );
}
