// Transfers to people per day of the period, in this browser's days: when the team was busiest and
// which days left customers without a reply. The chart loads on its own, after the figures.
import { Alert, Paper, Skeleton, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { peopleApi } from '../api/people-api';
import { usePeriodReport } from '../../shared/use-period-report';

const DailyBarChart = lazy(() => import('../../shared/DailyBarChart'));

export function TransfersByDayCard({ from, to }: { from: Date; to: Date }) {
  const { t } = useTranslation();
  const { data, error } = usePeriodReport(peopleApi.transfersByDay, from, to);
  const total = data?.days.reduce((n, d) => n + d.total, 0) ?? 0;
  return (
    <Paper withBorder radius="md" p="md" data-testid="report-daily">
      <Title order={5} mb="sm">{t('reports.daily.title')}</Title>
      {error && <Alert color="red">{t('reports.loadError')}</Alert>}
      {!data && !error && <Skeleton h={240} radius="md" />}
      {data && total === 0 && <Text size="sm" c="dimmed" data-testid="report-daily-empty">{t('reports.daily.empty')}</Text>}
      {data && total > 0 && (
        <div role="img" aria-label={t('reports.daily.summary', { count: total, days: data.days.length })}>
          <Suspense fallback={<Skeleton h={240} radius="md" />}>
            <DailyBarChart h={240} days={data.days} series={[
              { name: 'answered', label: t('reports.daily.answered'), color: 'teal.6' },
              { name: 'open', label: t('reports.daily.open'), color: 'yellow.5' },
              { name: 'unanswered', label: t('reports.daily.unanswered'), color: 'red.6' },
            ]} />
          </Suspense>
        </div>
      )}
    </Paper>
  );
}
