// Response times supervisors ask for: from handoff to the first human reply and to close, per
// agent and team, as median and 90th percentile (the bot's time never counts), and the handoffs that
// got no human reply at all.
import { Alert, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { peopleApi } from '../api/people-api';
import type { Percentiles } from '../api/inbox-types';
import { usePeriodReport } from '../../shared/use-period-report';
import { formatDuration } from '../format';
import { HandoffSummary } from './HandoffSummary';
import { TransfersByDayCard } from './TransfersByDayCard';

type Row = { key: string; name: string; firstReply: Percentiles; close: Percentiles; unanswered?: number };

function FiguresTable({ title, rows, testId, empty }: { title: string; rows: Row[]; testId: string; empty: string }) {
  const { t } = useTranslation();
  const unanswered = rows.some((r) => r.unanswered !== undefined);
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={5} mb="sm">{title}</Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">{empty}</Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table striped data-testid={testId}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reports.name')}</Table.Th>
                <Table.Th>{t('reports.firstReplyMedian')}</Table.Th>
                <Table.Th>{t('reports.firstReplyP90')}</Table.Th>
                <Table.Th>{t('reports.closeMedian')}</Table.Th>
                <Table.Th>{t('reports.closeP90')}</Table.Th>
                <Table.Th>{t('reports.count')}</Table.Th>
                {unanswered && <Table.Th>{t('reports.unansweredColumn')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.key}>
                  <Table.Td fw={500}>{r.name}</Table.Td>
                  <Table.Td>{formatDuration(r.firstReply.p50Ms)}</Table.Td>
                  <Table.Td>{formatDuration(r.firstReply.p90Ms)}</Table.Td>
                  <Table.Td>{formatDuration(r.close.p50Ms)}</Table.Td>
                  <Table.Td>{formatDuration(r.close.p90Ms)}</Table.Td>
                  <Table.Td>{r.firstReply.count}</Table.Td>
                  {unanswered && <Table.Td c={r.unanswered ? 'red.7' : undefined}>{r.unanswered}</Table.Td>}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

/** The handoffs begun in [from, to) and how fast people answered and closed them. */
export function ResponseTimesReport({ from, to }: { from: Date; to: Date }) {
  const { t } = useTranslation();
  const { data, error } = usePeriodReport(peopleApi.responseTimes, from, to);
  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed">{t('reports.description')}</Text>
      {error && <Alert color="red">{t('reports.loadError')}</Alert>}
      {!data && !error && <Skeleton h={200} radius="md" />}
      {data && (
        <>
          <HandoffSummary handoffs={data.handoffs} />
          <TransfersByDayCard from={from} to={to} />
          <FiguresTable title={t('reports.agents')} testId="report-agents" empty={t('reports.emptyAgents')} rows={data.agents.map((a) => ({ key: a.userId, ...a }))} />
          <FiguresTable title={t('reports.teams')} testId="report-teams" empty={t('reports.emptyTeams')} rows={data.teams.map((x) => ({ key: x.teamId, ...x }))} />
        </>
      )}
    </Stack>
  );
}
