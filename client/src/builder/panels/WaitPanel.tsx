import { Group, NumberInput, SegmentedControl, Select, Stack, Switch, TagsInput } from '@mantine/core';
import type { WaitConfig } from '@zyntra/flows-schema';
import { useTranslation } from 'react-i18next';
import { TemplateField } from './fields/TemplateField';
import { VariableSelect } from './fields/VariableSelect';
import type { PanelProps } from './panel-props';
import { useNodeConfig } from './use-node-config';

const EXPECTS: WaitConfig['expect'][] = ['any', 'text', 'number', 'email', 'phone', 'option'];
const MAX_SECONDS = 30 * 24 * 60 * 60;
const intOr = (v: string | number, fallback: number) => (typeof v === 'number' ? v : fallback);

function ReplySettings({ config, patch }: { config: WaitConfig; patch: (c: Partial<WaitConfig>) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <VariableSelect label={t('builder.wait.saveAs')} value={config.saveAs} onChange={(saveAs) => patch({ saveAs })} testId="wait-save-as" />
      <Select
        label={t('builder.wait.expect')}
        data={EXPECTS.map((e) => ({ value: e, label: t(`builder.wait.expects.${e}`) }))}
        value={config.expect}
        allowDeselect={false}
        onChange={(v) => v && patch({ expect: v as WaitConfig['expect'] })}
        comboboxProps={{ withinPortal: true }}
      />
      {config.expect === 'option' && (
        <TagsInput label={t('builder.wait.options')} description={t('builder.tagsHint')} value={config.options} onChange={(options) => patch({ options })} />
      )}
      {config.expect !== 'any' && (
        <>
          <TemplateField
            label={t('builder.wait.retryPrompt')}
            placeholder={t('builder.wait.retryPlaceholder')}
            value={config.retryPrompt}
            onChange={(retryPrompt) => patch({ retryPrompt })}
            minRows={2}
          />
          <NumberInput
            label={t('builder.wait.maxRetries')}
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
          label={t('builder.wait.timeout')}
          checked={config.timeoutSeconds !== null}
          onChange={(e) => patch({ timeoutSeconds: e.currentTarget.checked ? 3600 : null })}
          mb={8}
        />
        {config.timeoutSeconds !== null && (
          <NumberInput
            style={{ flex: 1 }}
            label={t('builder.wait.seconds')}
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
  const { t } = useTranslation();
  const { config, patch } = useNodeConfig(nodeId, 'wait');
  return (
    <Stack gap="md">
      <SegmentedControl
        fullWidth
        value={config.mode}
        onChange={(v) => patch({ mode: v as WaitConfig['mode'] })}
        data={[
          { value: 'reply', label: t('builder.wait.modeReply') },
          { value: 'delay', label: t('builder.wait.modeDelay') },
        ]}
      />
      {config.mode === 'reply' ? (
        <ReplySettings config={config} patch={patch} />
      ) : (
        <NumberInput
          label={t('builder.wait.delaySeconds')}
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
