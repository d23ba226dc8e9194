// Response times supervisors ask for: from handoff to the first human reply and to close, per
// agent and team, as median and 90th percentile (the bot's time never counts), and the handoffs that
// got no human reply at all.
import { Alert, Group, Paper, SegmentedControl, Skeleton, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { peopleApi } from '../api/people-api';
import type { Percentiles, ResponseTimes } from '../api/inbox-types';
import { localDay, localDaysAgo } from '../../shared/local-day';
import { formatDuration } from '../format';
import { HandoffSummary } from './HandoffSummary';

const PRESETS = [7, 30, 90];

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

export function ReportsPage() {
  const { t } = useTranslation();
  // "Last 7 days" is today and the 6 before it.
  const [from, setFrom] = useState(() => localDaysAgo(6));
  const [to, setTo] = useState(() => localDay());
  const preset = to === localDay() ? PRESETS.find((n) => from === localDaysAgo(n - 1)) : undefined;
  const [data, setData] = useState<ResponseTimes | null>(null);
  const [error, setError] = useState(false);
  // Dates typed past the fields' min/max: said in words rather than asked of the server (a 400).
  const days = (new Date(`${to}T00:00:00`).getTime() - new Date(`${from}T00:00:00`).getTime()) / 86_400_000 + 1;
  const rangeProblem = days < 1 ? 'reports.reversed' : days > 366 ? 'reports.tooLong' : null;
  useEffect(() => {
    const ctrl = new AbortController();
    setData(null);
    setError(false);
    if (rangeProblem) return;
    const end = new Date(`${to}T00:00:00`);
    end.setDate(end.getDate() + 1);
    peopleApi.responseTimes(new Date(`${from}T00:00:00`).toISOString(), end.toISOString(), ctrl.signal).then(setData, (e: unknown) => {
      if (!(e instanceof DOMException)) setError(true);
    });
    return () => ctrl.abort();
  }, [from, to, rangeProblem]);
  return (
    <Stack gap="lg" data-testid="reports-page">
      <Group justify="space-between" align="flex-end">
        <Group gap="xs"><IconChartBar /><Title order={2}>{t('reports.title')}</Title></Group>
        <Group gap="sm" align="flex-end">
          <SegmentedControl
            size="xs"
            value={preset ? String(preset) : ''}
            onChange={(v) => {
              setFrom(localDaysAgo(Number(v) - 1));
              setTo(localDay());
            }}
            data={PRESETS.map((n) => ({ value: String(n), label: t('reports.lastDays', { count: n }) }))}
            data-testid="reports-preset"
          />
          <Group gap="sm" wrap="nowrap">
            <TextInput type="date" label={t('reports.from')} value={from} max={to} onChange={(e) => e.currentTarget.value && setFrom(e.currentTarget.value)} />
            <TextInput type="date" label={t('reports.to')} value={to} min={from} onChange={(e) => e.currentTarget.value && setTo(e.currentTarget.value)} />
          </Group>
        </Group>
      </Group>
      <Text size="sm" c="dimmed">{t('reports.description')}</Text>
      {rangeProblem && <Alert color="orange" data-testid="reports-range-problem">{t(rangeProblem)}</Alert>}
      {error && <Alert color="red">{t('reports.loadError')}</Alert>}
      {!data && !error && !rangeProblem && <Skeleton h={200} radius="md" />}
      {data && (
        <>
          <HandoffSummary handoffs={data.handoffs} />
          <FiguresTable title={t('reports.agents')} testId="report-agents" empty={t('reports.emptyAgents')} rows={data.agents.map((a) => ({ key: a.userId, ...a }))} />
          <FiguresTable title={t('reports.teams')} testId="report-teams" empty={t('reports.emptyTeams')} rows={data.teams.map((x) => ({ key: x.teamId, ...x }))} />
        </>
      )}
    </Stack>
  );
}
