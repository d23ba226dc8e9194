// The survey answers per day of the period, in this browser's days: when ratings dropped, and after
// what. Shown under the survey's figures once there are answers; the chart loads on its own.
import { Skeleton, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { usePeriodReport } from '../shared/use-period-report';
import { csatByDay } from './reports-api';

const DailyBarChart = lazy(() => import('../shared/DailyBarChart'));

export function CsatByDayChart({ from, to }: { from: Date; to: Date }) {
  const { t } = useTranslation();
  const { data, error } = usePeriodReport(csatByDay, from, to);
  if (error) return null; // the figures above already stand; a chart that failed says nothing new
  const total = data?.days.reduce((n, d) => n + d.answers, 0) ?? 0;
  return (
    <div data-testid="report-csat-daily">
      <Text size="sm" fw={600} mb={4}>{t('reports.csat.byDay')}</Text>
      {!data ? <Skeleton h={200} radius="md" /> : (
        <div role="img" aria-label={t('reports.csat.daySummary', { count: total, days: data.days.length })}>
          <Suspense fallback={<Skeleton h={200} radius="md" />}>
            <DailyBarChart h={200} days={data.days} series={[
              { name: 'great', label: t('reports.csat.great'), color: 'teal.6' },
              { name: 'ok', label: t('reports.csat.ok'), color: 'yellow.5' },
              { name: 'poor', label: t('reports.csat.poor'), color: 'red.6' },
            ]} />
          </Suspense>
        </div>
      )}
    </div>
  );
}
