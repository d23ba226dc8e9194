// The randomizer's paths: a name and a weight each, with the shares they make shown as the card
// does. Ids stay stable while names change, so each path's connection survives a rename.
import { ActionIcon, Button, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { nodeRegistry, type NodeConfig } from '@zyntra/flows-schema';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/use-locale';
import { newId } from '../store/new-id';
import { focusNewRow } from './fields/focus-new-row';
import { useFieldText } from './fields/use-field-text';
import type { PanelProps } from './panel-props';
import { removeAt, replaceAt, useNodeConfig } from './use-node-config';

type Path = NodeConfig<'randomizer'>['paths'][number];
const definition = nodeRegistry.randomizer;

export function RandomizerPanel({ nodeId }: PanelProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const f = useFieldText('randomizer');
  const { config, patch } = useNodeConfig(nodeId, 'randomizer');
  const rows = useRef<HTMLDivElement>(null);
  const paths = config.paths;
  const set = (i: number, path: Path) => patch({ paths: replaceAt(paths, i, path) });
  const next = [...paths, { id: newId('p'), label: '', weight: 1 }];
  return (
    <Stack gap={6} ref={rows}>
      <Text size="xs" c="dimmed">
        {f.hint('paths')}
      </Text>
      {paths.map((path, i) => (
        <Group key={path.id} gap={6} wrap="nowrap" data-testid={`path-${i}`}>
          <TextInput
            size="xs"
            style={{ flex: 1 }}
            value={path.label}
            placeholder={f.placeholder('paths.*.label')}
            aria-label={`${f.label('paths.*.label')} ${i + 1}`}
            onChange={(e) => set(i, { ...path, label: e.currentTarget.value.slice(0, 40) })}
            data-testid={`path-${i}-label`}
            data-row-input
          />
          <NumberInput
            size="xs"
            w={72}
            min={1}
            max={100}
            // A weight outside 1–100 turns into the nearest one as it is typed: a 0 left on screen
            // while the step kept its old weight said something the flow did not do.
            clampBehavior="strict"
            allowDecimal={false}
            value={path.weight}
            aria-label={`${f.label('paths.*.weight')} ${i + 1}`}
            onChange={(v) => typeof v === 'number' && v >= 1 && set(i, { ...path, weight: Math.min(100, Math.round(v)) })}
            data-testid={`path-${i}-weight`}
          />
          <ActionIcon variant="subtle" color="gray" onClick={() => patch({ paths: removeAt(paths, i) })} aria-label={t('builder.remove')} data-testid={`path-${i}-remove`}>
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Group gap="xs" justify="space-between">
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} />}
          // The definition's schema says how many paths a step may have.
          disabled={!definition.config.safeParse({ paths: next }).success}
          onClick={() => {
            patch({ paths: next });
            focusNewRow(rows.current, '[data-row-input]');
          }}
          data-testid="add-path"
        >
          {f.label('paths')}
        </Button>
        <Text size="xs" c="dimmed" data-testid="path-shares">
          {definition.summary(config, locale)}
        </Text>
      </Group>
    </Stack>
  );
}
