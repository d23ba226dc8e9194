import { Group, Paper, SegmentedControl, Text } from '@mantine/core';
import { IconPlayerStop, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { overlayRef } from '../canvas/canvas-overlays';
import { useFlowStore } from '../store/flow-store-context';
import { ANALYTICS_PERIODS, type AnalyticsPeriod } from './use-analytics';

/** Legend and period picker floating over the canvas while the overlay is on. */
export function AnalyticsBar({ days, onDays }: { days: AnalyticsPeriod; onDays: (d: AnalyticsPeriod) => void }) {
  const { t } = useTranslation();
  const show = useFlowStore((s) => s.showAnalytics);
  if (!show) return null;
  return (
    <Paper ref={overlayRef} shadow="sm" withBorder radius="md" px="sm" py={6} style={{ position: 'absolute', top: 12, left: 12, zIndex: 5 }} data-testid="analytics-bar">
      <Group gap="sm" wrap="nowrap">
        <SegmentedControl
          size="xs"
          value={String(days)}
          onChange={(v) => onDays(Number(v) as AnalyticsPeriod)}
          data={ANALYTICS_PERIODS.map((d) => ({ value: String(d), label: t('builder.analytics.days', { days: d }) }))}
        />
        <Group gap={4} c="indigo.7" wrap="nowrap">
          <IconUsers size={14} />
          <Text size="xs">{t('builder.analytics.reached')}</Text>
        </Group>
        <Group gap={4} c="indigo.7" wrap="nowrap">
          <IconPlayerStop size={14} />
          <Text size="xs">{t('builder.analytics.stopped')}</Text>
        </Group>
      </Group>
    </Paper>
  );
}
