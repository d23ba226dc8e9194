// Flow-wide settings: declared variables (what {{…}} and "save as" may name), session timeout and
// the keywords that restart or leave the bot.
import { ActionIcon, Button, Divider, Drawer, Group, NumberInput, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { FlowSettings } from '@zyntra/flows-schema';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { focusNewRow } from '../panels/fields/focus-new-row';
import { asVariableName } from '../panels/fields/new-variable';
import { removeAt, replaceAt } from '../panels/use-node-config';
import { useFlowStore, useFlowStoreApi } from '../store/flow-store-context';

type Variable = FlowSettings['variables'][number];

function VariablesEditor({ variables, onChange }: { variables: Variable[]; onChange: (v: Variable[]) => void }) {
  const { t } = useTranslation();
  const set = (i: number, change: Partial<Variable>) => onChange(replaceAt(variables, i, { ...variables[i]!, ...change }));
  const rows = useRef<HTMLDivElement>(null);
  return (
    <Stack gap={6} ref={rows}>
      <Text size="sm" fw={500}>
        {t('builder.settings.variables')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('builder.settings.variablesHint', { example: '{{order_id}}' })}
      </Text>
      {variables.map((v, i) => (
        <Group key={i} gap={6} wrap="nowrap">
          <TextInput
            size="xs"
            w={140}
            ff="monospace"
            value={v.name}
            placeholder="order_id"
            aria-label={t('builder.settings.variableName')}
            // Names are identifiers: as the user types, spaces become underscores and accents drop.
            onChange={(e) => set(i, { name: asVariableName(e.currentTarget.value) })}
            data-row-input
            data-testid={`variable-name-${i}`}
          />
          <TextInput
            size="xs"
            style={{ flex: 1 }}
            value={v.description ?? ''}
            placeholder={t('builder.settings.variableDescription')}
            aria-label={t('builder.settings.variableDescription')}
            onChange={(e) => set(i, { description: e.currentTarget.value || undefined })}
          />
          <ActionIcon variant="subtle" color="gray" onClick={() => onChange(removeAt(variables, i))} aria-label={t('builder.remove')}>
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Button size="xs" variant="light" w="fit-content" leftSection={<IconPlus size={14} />} onClick={() => {
          onChange([...variables, { name: '' }]);
          // The new row's name takes the typing, so a space does not press this button again.
          focusNewRow(rows.current, '[data-row-input]');
        }} data-testid="add-variable">
        {t('builder.settings.addVariable')}
      </Button>
    </Stack>
  );
}

export function FlowSettingsDrawer() {
  const { t } = useTranslation();
  const store = useFlowStoreApi();
  const opened = useFlowStore((s) => s.drawer === 'settings');
  const settings = useFlowStore((s) => s.settings);
  const patch = (change: Partial<FlowSettings>) => store.getState().setSettings({ ...store.getState().settings, ...change });
  return (
    <Drawer
      opened={opened}
      onClose={() => store.getState().setDrawer(null)}
      position="right"
      size={420}
      title={<Text fw={600}>{t('builder.settings.title')}</Text>}
    >
      {/* Ctrl+Z here undoes the whole edit of a field; leaving the field ends that edit. */}
      <Stack gap="lg" data-flow-history onBlur={() => store.getState().endEdit()}>
        <VariablesEditor variables={settings.variables} onChange={(variables) => patch({ variables })} />
        <Divider />
        <NumberInput
          label={t('builder.settings.sessionTimeout')}
          description={t('builder.settings.sessionTimeoutHint')}
          min={1}
          max={43_200}
          clampBehavior="strict"
          allowDecimal={false}
          value={settings.sessionTimeoutMinutes}
          onChange={(v) => patch({ sessionTimeoutMinutes: typeof v === 'number' ? v : 1440 })}
        />
        <TagsInput
          label={t('builder.settings.restartKeywords')}
          description={t('builder.settings.restartHint')}
          value={settings.restartKeywords}
          onChange={(restartKeywords) => patch({ restartKeywords })}
        />
        <TagsInput
          label={t('builder.settings.exitKeywords')}
          description={t('builder.settings.exitHint')}
          value={settings.exitKeywords}
          onChange={(exitKeywords) => patch({ exitKeywords })}
        />
      </Stack>
    </Drawer>
  );
}
