// Business hours: the time zone from the generated form, then one line per opening period, each
// with its days as chips and its opening and closing times (picked from a list written as the
// editor's language writes times, as the step's card shows them).
import { ActionIcon, Button, Chip, Group, Paper, Stack, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { fieldMeta, nodeRegistry, type NodeConfig } from '@zyntra/flows-schema';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { TimeField } from '../../shared/TimeField';
import { ConfigForm } from './generic/ConfigForm';
import { focusNewRow } from './fields/focus-new-row';
import { useFieldText } from './fields/use-field-text';
import type { PanelProps } from './panel-props';
import { removeAt, replaceAt, useNodeConfig } from './use-node-config';

type Period = NodeConfig<'business_hours'>['periods'][number];
type Day = Period['days'][number];
const definition = nodeRegistry.business_hours;
/** Monday to Sunday, in the order the definition names them. */
const DAYS = Object.keys(fieldMeta(definition.config, 'periods.*.days')?.optionLabels ?? {}) as Day[];
const OMIT = ['periods'] as const;

export function BusinessHoursPanel({ nodeId }: PanelProps) {
  const { t } = useTranslation();
  const f = useFieldText('business_hours');
  const { config, patch } = useNodeConfig(nodeId, 'business_hours');
  const rows = useRef<HTMLDivElement>(null);
  const periods = config.periods;
  const set = (i: number, period: Period) => patch({ periods: replaceAt(periods, i, period) });
  const next: Period[] = [...periods, { days: [], from: '08:00', to: '18:00' }];
  return (
    <Stack gap="sm" ref={rows}>
      <ConfigForm nodeId={nodeId} type="business_hours" omit={OMIT} />
      <Text size="xs" c="dimmed">
        {f.hint('periods')}
      </Text>
      {periods.map((period, i) => (
        <Paper key={i} withBorder p="xs" radius="md" data-testid={`period-${i}`}>
          <Stack gap={6}>
            <Chip.Group multiple value={period.days} onChange={(days) => set(i, { ...period, days: DAYS.filter((d) => days.includes(d)) })}>
              <Group gap={4} aria-label={f.label('periods.*.days')} role="group">
                {f.options('periods.*.days', DAYS).map((day) => (
                  <Chip key={day.value} value={day.value} size="xs" data-testid={`period-${i}-${day.value}`} data-row-input={day.value === DAYS[0] || undefined}>
                    {day.label}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
            <Group gap={6} wrap="nowrap" align="flex-end">
              <TimeField size="xs" style={{ flex: 1 }} label={f.label('periods.*.from')} value={period.from}
                onChange={(from) => set(i, { ...period, from })} data-testid={`period-${i}-from`} />
              <TimeField size="xs" style={{ flex: 1 }} label={f.label('periods.*.to')} value={period.to}
                onChange={(to) => set(i, { ...period, to })} data-testid={`period-${i}-to`} />
              <ActionIcon variant="subtle" color="gray" mb={4} onClick={() => patch({ periods: removeAt(periods, i) })} aria-label={t('builder.remove')} data-testid={`period-${i}-remove`}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          </Stack>
        </Paper>
      ))}
      <Button
        size="xs"
        variant="light"
        leftSection={<IconPlus size={14} />}
        w="fit-content"
        // The definition's schema says how many lines a step may have.
        disabled={!definition.config.safeParse({ ...config, periods: next }).success}
        onClick={() => {
          patch({ periods: next });
          focusNewRow(rows.current, '[data-row-input]');
        }}
        data-testid="add-period"
      >
        {f.label('periods')}
      </Button>
    </Stack>
  );
}
