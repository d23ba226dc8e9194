// The campaigns that began sending in the report's period, compared: how many people each reached,
// and what share of them got the message, read it and answered.
import { Alert, Anchor, Button, Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FigureCard } from '../../shared/FigureCard';
import { usePeriodReport } from '../../shared/use-period-report';
import { campaignsApi } from '../campaigns-api';
import { StatusBadge } from '../StatusBadge';
import { campaignResults, rate, type Funnel } from './campaign-results';

const percent = (n: number, f: Funnel) => {
  const r = rate(n, f);
  return r === null ? '—' : `${r}%`;
};

function Summary({ total, campaigns }: { total: Funnel; campaigns: number }) {
  const { t } = useTranslation();
  const share = (n: number) => (total.reached > 0 ? t('reports.campaigns.ofReached', { count: n }) : undefined);
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="sm" data-testid="campaign-results-summary">
      <FigureCard testId="results-reached" label={t('reports.campaigns.reached')} value={total.reached} hint={t('reports.campaigns.reachedHint', { count: campaigns, people: total.people })} />
      <FigureCard testId="results-delivered" label={t('reports.campaigns.delivered')} value={percent(total.delivered, total)} hint={share(total.delivered)} />
      <FigureCard testId="results-read" label={t('reports.campaigns.read')} value={percent(total.read, total)} hint={share(total.read)} />
      <FigureCard testId="results-replied" label={t('reports.campaigns.replied')} value={percent(total.replied, total)} hint={share(total.replied)} />
      <FigureCard testId="results-failed" label={t('reports.campaigns.failed')} value={total.failed} alert={total.failed > 0} hint={t('reports.campaigns.skippedHint', { count: total.skipped })} />
    </SimpleGrid>
  );
}

export function CampaignResults({ from, to }: { from: Date; to: Date }) {
  const { t, i18n } = useTranslation();
  const { data, error } = usePeriodReport(campaignsApi.results, from, to);
  if (error) return <Alert color="red">{t('reports.loadError')}</Alert>;
  if (!data) return <Skeleton h={200} radius="md" />;
  const { rows, total } = campaignResults(data.items);
  if (rows.length === 0) {
    return (
      <Paper withBorder radius="md" p="xl" data-testid="campaign-results-empty">
        <Stack align="center" gap="sm">
          <Text c="dimmed" ta="center">{t('reports.campaigns.empty')}</Text>
          <Button component={Link} to="/campaigns" variant="light">{t('reports.campaigns.toCampaigns')}</Button>
        </Stack>
      </Paper>
    );
  }
  const day = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">{t('reports.campaigns.description')}</Text>
      {data.truncated && <Alert color="orange" data-testid="campaign-results-truncated">{t('reports.campaigns.truncated', { count: rows.length })}</Alert>}
      <Summary total={total} campaigns={rows.length} />
      <Paper withBorder radius="md" p="md">
        <Title order={5} mb="sm">{t('reports.campaigns.byCampaign')}</Title>
        <Table.ScrollContainer minWidth={640}>
          <Table striped data-testid="campaign-results">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reports.campaigns.name')}</Table.Th>
                <Table.Th>{t('reports.campaigns.started')}</Table.Th>
                <Table.Th>{t('reports.campaigns.reached')}</Table.Th>
                <Table.Th>{t('reports.campaigns.delivered')}</Table.Th>
                <Table.Th>{t('reports.campaigns.read')}</Table.Th>
                <Table.Th>{t('reports.campaigns.replied')}</Table.Th>
                <Table.Th>{t('reports.campaigns.failed')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/campaigns/${r.id}`} fw={500}>{r.name}</Anchor>
                    {r.status !== 'completed' && <> <StatusBadge status={r.status} /></>}
                  </Table.Td>
                  <Table.Td>{day.format(new Date(r.startedAt))}</Table.Td>
                  <Table.Td>{t('reports.campaigns.reachedOf', { reached: r.funnel.reached, people: r.funnel.people })}</Table.Td>
                  <Table.Td>{percent(r.funnel.delivered, r.funnel)}</Table.Td>
                  <Table.Td>{percent(r.funnel.read, r.funnel)}</Table.Td>
                  <Table.Td>{percent(r.funnel.replied, r.funnel)}</Table.Td>
                  <Table.Td c={r.funnel.failed > 0 ? 'red.7' : undefined}>{r.funnel.failed}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </Stack>
  );
}
