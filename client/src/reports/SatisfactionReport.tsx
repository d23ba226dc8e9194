// How customers rated the service in a period (the survey sent when a person closes a chat, Settings →
// Inbox): the answers, the share of "great", and the same per agent who closed the chat.
import { Alert, Anchor, Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FigureCard } from '../shared/FigureCard';
import { usePeriodReport } from '../shared/use-period-report';
import { csatResults, percentOf, type CsatResults } from './reports-api';
import { CsatByDayChart } from './CsatByDayChart';

function AgentsTable({ agents }: { agents: CsatResults['agents'] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped data-testid="report-csat-agents">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reports.name')}</Table.Th>
            <Table.Th ta="right">{t('reports.csat.answers')}</Table.Th>
            <Table.Th ta="right">{t('reports.csat.great')}</Table.Th>
            <Table.Th ta="right">{t('reports.csat.ok')}</Table.Th>
            <Table.Th ta="right">{t('reports.csat.poor')}</Table.Th>
            <Table.Th ta="right">{t('reports.csat.answerRate')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {agents.map((a) => (
            <Table.Tr key={a.userId ?? 'gone'}>
              <Table.Td fw={500}>{a.name ?? t('reports.csat.formerMember')}</Table.Td>
              <Table.Td ta="right">{a.answers}</Table.Td>
              <Table.Td ta="right">{t('reports.bots.countShare', { count: a.great, percent: percentOf(a.great, a.answers) })}</Table.Td>
              <Table.Td ta="right">{a.ok}</Table.Td>
              <Table.Td ta="right">{a.poor}</Table.Td>
              <Table.Td ta="right" data-testid="report-csat-agent-rate">{a.answerRate === null ? '—' : t('reports.csat.rateOf', { count: a.sent, percent: Math.round(100 * a.answerRate) })}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Off, nothing new comes in: the owner learns why the figures stay still and where to turn it on. */
function SurveyOff() {
  const { t } = useTranslation();
  return (
    <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} data-testid="report-csat-off">
      {t('reports.csat.off')}{' '}
      <Anchor component={Link} to="/settings?tab=inbox" size="sm" fw={600} data-testid="report-csat-turn-on">{t('reports.csat.turnOn')}</Anchor>
    </Alert>
  );
}

/** The survey answers given in [from, to). */
export function SatisfactionReport({ from, to }: { from: Date; to: Date }) {
  const { t } = useTranslation();
  const { data, error } = usePeriodReport(csatResults, from, to);
  const share = data ? percentOf(data.totals.great, data.totals.answers) : null;
  return (
    <Paper withBorder radius="md" p="md" data-testid="report-csat">
      <Stack gap="md">
        <div>
          <Title order={5}>{t('reports.csat.title')}</Title>
          <Text size="sm" c="dimmed">{t('reports.csat.description')}</Text>
        </div>
        {error && <Alert color="red">{t('reports.loadError')}</Alert>}
        {!data && !error && <Skeleton h={120} radius="md" />}
        {data && !data.surveyOn && <SurveyOff />}
        {data && (
          <>
            <SimpleGrid cols={{ base: 1, xs: 3 }}>
              <FigureCard testId="report-csat-answers" label={t('reports.csat.answers')} value={data.totals.answers} hint={data.answerRate === null ? t('reports.csat.sentHint', { count: data.sent }) : t('reports.csat.sentRateHint', { count: data.sent, percent: Math.round(100 * data.answerRate) })} />
              <FigureCard testId="report-csat-great" label={t('reports.csat.greatShare')} value={share === null ? '—' : `${share}%`} hint={t('reports.csat.greatHint', { count: data.totals.great })} />
              <FigureCard testId="report-csat-poor" label={t('reports.csat.poor')} value={data.totals.poor} hint={t('reports.csat.okHint', { count: data.totals.ok })} />
            </SimpleGrid>
            {data.totals.answers > 0 && <CsatByDayChart from={from} to={to} />}
            {data.agents.length === 0
              ? <Text size="sm" c="dimmed" data-testid="report-csat-empty">{t('reports.csat.empty')}</Text>
              : <AgentsTable agents={data.agents} />}
          </>
        )}
      </Stack>
    </Paper>
  );
}
