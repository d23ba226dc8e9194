// What the bot did in a period: the conversations published flows ran in, how many the bot handled
// alone and how many its Transfer steps passed to a person, in all and per flow. The figure owners
// of a chatbot ask for first ("how much does the bot solve?").
import { Alert, Anchor, Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FigureCard } from '../shared/FigureCard';
import { usePeriodReport } from '../shared/use-period-report';
import { botResults, percentOf, type BotResults } from './reports-api';

function FlowsTable({ flows }: { flows: BotResults['flows'] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped data-testid="report-bot-flows">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reports.bots.flow')}</Table.Th>
            <Table.Th ta="right">{t('reports.bots.conversations')}</Table.Th>
            <Table.Th ta="right">{t('reports.bots.botOnly')}</Table.Th>
            <Table.Th ta="right">{t('reports.bots.handed')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {flows.map((f) => (
            <Table.Tr key={f.flowId}>
              <Table.Td fw={500}><Anchor component={Link} to={`/flows/${f.flowId}`}>{f.name}</Anchor></Table.Td>
              <Table.Td ta="right">{f.conversations}</Table.Td>
              <Table.Td ta="right">{t('reports.bots.countShare', { count: f.botOnly, percent: percentOf(f.botOnly, f.conversations) })}</Table.Td>
              <Table.Td ta="right">{f.handedToPerson}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The published flows' conversations in [from, to). */
export function BotReport({ from, to }: { from: Date; to: Date }) {
  const { t } = useTranslation();
  const { data, error } = usePeriodReport(botResults, from, to);
  const share = data ? percentOf(data.totals.botOnly, data.totals.conversations) : null;
  return (
    <Stack gap="lg" data-testid="report-bots">
      <Text size="sm" c="dimmed">{t('reports.bots.description')}</Text>
      {error && <Alert color="red">{t('reports.loadError')}</Alert>}
      {!data && !error && <Skeleton h={200} radius="md" />}
      {data && (
        <>
          <SimpleGrid cols={{ base: 1, xs: 3 }}>
            <FigureCard testId="report-bots-conversations" label={t('reports.bots.conversations')} value={data.totals.conversations} />
            <FigureCard testId="report-bots-bot-only" label={t('reports.bots.botOnly')} value={share === null ? '—' : `${share}%`} hint={t('reports.bots.botOnlyHint', { count: data.totals.botOnly })} />
            <FigureCard testId="report-bots-handed" label={t('reports.bots.handed')} value={data.totals.handedToPerson} hint={t('reports.bots.handedHint')} />
          </SimpleGrid>
          <Paper withBorder radius="md" p="md">
            <Title order={5} mb="sm">{t('reports.bots.byFlow')}</Title>
            {data.flows.length === 0 ? <Text size="sm" c="dimmed" data-testid="report-bots-empty">{t('reports.bots.empty')}</Text> : <FlowsTable flows={data.flows} />}
          </Paper>
        </>
      )}
    </Stack>
  );
}
