import { ActionIcon, Button, Group, NumberInput, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { TriggerConfig } from '@zyntra/flows-schema';
import { useTranslation } from 'react-i18next';
import type { PanelProps } from './panel-props';
import { removeAt, replaceAt, useNodeConfig } from './use-node-config';

type Keyword = TriggerConfig['keywords'][number];
const MATCHES: Keyword['match'][] = ['exact', 'contains', 'starts_with', 'regex'];

export function TriggerPanel({ nodeId }: PanelProps) {
  const { t } = useTranslation();
  const { config, patch } = useNodeConfig(nodeId, 'trigger');
  const setKeyword = (i: number, change: Partial<Keyword>) =>
    patch({ keywords: replaceAt(config.keywords, i, { ...config.keywords[i]!, ...change }) });
  const matchData = MATCHES.map((m) => ({ value: m, label: t(`builder.trigger.match.${m}`) }));

  return (
    <Stack gap="md">
      <div>
        <Text size="sm" fw={500}>
          {t('builder.trigger.keywords')}
        </Text>
        <Text size="xs" c="dimmed" mb={6}>
          {t('builder.trigger.keywordsHint')}
        </Text>
        <Stack gap={6}>
          {config.keywords.map((k, i) => (
            <Group key={i} gap={6} wrap="nowrap">
              <Select
                w={130}
                size="xs"
                data={matchData}
                value={k.match}
                allowDeselect={false}
                onChange={(v) => v && setKeyword(i, { match: v as Keyword['match'] })}
                aria-label={t('builder.trigger.matchType')}
                comboboxProps={{ withinPortal: true }}
              />
              <TextInput
                size="xs"
                style={{ flex: 1 }}
                value={k.value}
                placeholder={k.match === 'regex' ? '^promo\\d*$' : 'promo'}
                onChange={(e) => setKeyword(i, { value: e.currentTarget.value })}
                aria-label={t('builder.trigger.keyword')}
                data-testid={`trigger-keyword-${i}`}
              />
              <ActionIcon variant="subtle" color="gray" onClick={() => patch({ keywords: removeAt(config.keywords, i) })} aria-label={t('builder.remove')}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
        </Stack>
        <Button
          mt={8}
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} />}
          onClick={() => patch({ keywords: [...config.keywords, { match: 'contains', value: '' }] })}
          data-testid="trigger-add-keyword"
        >
          {t('builder.trigger.addKeyword')}
        </Button>
      </div>
      <Switch
        label={t('builder.trigger.newContact')}
        checked={config.newContact}
        onChange={(e) => patch({ newContact: e.currentTarget.checked })}
      />
      <Switch
        label={t('builder.trigger.fallback')}
        description={t('builder.trigger.fallbackHint')}
        checked={config.fallback}
        onChange={(e) => patch({ fallback: e.currentTarget.checked })}
      />
      <NumberInput
        label={t('builder.trigger.priority')}
        description={t('builder.trigger.priorityHint')}
        min={0}
        max={100}
        clampBehavior="strict"
        allowDecimal={false}
        value={config.priority}
        onChange={(v) => patch({ priority: typeof v === 'number' ? v : 0 })}
      />
    </Stack>
  );
}
