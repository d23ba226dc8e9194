import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { TriggerConfig } from '@zyntra/flows-schema';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { focusNewRow } from './fields/focus-new-row';
import { useFieldText } from './fields/use-field-text';
import { ConfigForm } from './generic/ConfigForm';
import type { PanelProps } from './panel-props';
import { removeAt, replaceAt, useNodeConfig } from './use-node-config';

type Keyword = TriggerConfig['keywords'][number];
const MATCHES: Keyword['match'][] = ['exact', 'contains', 'starts_with', 'regex'];
// Channels are picked per flow elsewhere; ids typed by hand here would only cause mistakes.
const GENERATED_OMIT = ['keywords', 'channelIds'] as const;

export function TriggerPanel({ nodeId }: PanelProps) {
  const { t } = useTranslation();
  const f = useFieldText('trigger');
  const { config, patch } = useNodeConfig(nodeId, 'trigger');
  const rows = useRef<HTMLDivElement>(null);
  const setKeyword = (i: number, change: Partial<Keyword>) =>
    patch({ keywords: replaceAt(config.keywords, i, { ...config.keywords[i]!, ...change }) });
  const addKeyword = () => {
    patch({ keywords: [...config.keywords, { match: 'contains', value: '' }] });
    focusNewRow(rows.current, '[data-row-input]');
  };

  return (
    <Stack gap="md">
      <div>
        <Text size="sm" fw={500}>
          {f.label('keywords')}
        </Text>
        <Text size="xs" c="dimmed" mb={6}>
          {f.hint('keywords')}
        </Text>
        <Stack gap={6} ref={rows}>
          {config.keywords.map((k, i) => (
            <Group key={i} gap={6} wrap="nowrap">
              <Select
                w={130}
                size="xs"
                data={f.options('keywords.*.match', MATCHES)}
                value={k.match}
                onChange={(v) => v && setKeyword(i, { match: v as Keyword['match'] })}
                aria-label={f.label('keywords.*.match')}
                comboboxProps={{ withinPortal: true }}
              />
              <TextInput
                size="xs"
                style={{ flex: 1 }}
                value={k.value}
                placeholder={f.placeholder('keywords.*.value')}
                onChange={(e) => setKeyword(i, { value: e.currentTarget.value })}
                aria-label={f.label('keywords.*.value')}
                data-testid={`trigger-keyword-${i}`}
                data-row-input
              />
              <ActionIcon variant="subtle" color="gray" onClick={() => patch({ keywords: removeAt(config.keywords, i) })} aria-label={t('builder.remove')}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
        </Stack>
        <Button mt={8} size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={addKeyword} data-testid="trigger-add-keyword">
          {t('builder.trigger.addKeyword')}
        </Button>
      </div>
      <ConfigForm nodeId={nodeId} type="trigger" omit={GENERATED_OMIT} />
    </Stack>
  );
}
