// Reports over a period: customer service (response times and the satisfaction survey, for admins), the bots (what the published
// flows solved alone, for whoever builds them) and campaigns (results, for whoever runs them). Each
// role sees the tabs it may read; the tab is in the address (?tab=).
import { Alert, Group, SegmentedControl, Stack, Tabs, Title } from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAuthStore } from '../auth/auth-store';
import { canSee, isAdmin } from '../auth/roles';
import { CampaignResults } from '../campaigns/results/CampaignResults';
import { ResponseTimesReport } from '../inbox/reports/ResponseTimesReport';
import { DateField } from '../shared/DateField';
import { BotReport } from './BotReport';
import { SatisfactionReport } from './SatisfactionReport';
import { localDay, localDaysAgo } from '../shared/local-day';

const PRESETS = [7, 30, 90];
type Tab = 'service' | 'bots' | 'campaigns';

export function ReportsPage() {
  const { t } = useTranslation();
  const role = useAuthStore((s) => s.role);
  const tabs = ([isAdmin(role) && 'service', canSee('flows', role) && 'bots', canSee('campaigns', role) && 'campaigns'] as const).filter((x): x is Tab => Boolean(x));
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab = tabs.find((x) => x === asked) ?? tabs[0];
  // "Last 7 days" is today and the 6 before it.
  const [from, setFrom] = useState(() => localDaysAgo(6));
  const [to, setTo] = useState(() => localDay());
  const preset = to === localDay() ? PRESETS.find((n) => from === localDaysAgo(n - 1)) : undefined;
  // Dates typed past the fields' min/max: said in words rather than asked of the server (a 400).
  const days = (new Date(`${to}T00:00:00`).getTime() - new Date(`${from}T00:00:00`).getTime()) / 86_400_000 + 1;
  const rangeProblem = days < 1 ? 'reports.reversed' : days > 366 ? 'reports.tooLong' : null;
  const start = new Date(`${from}T00:00:00`);
  const end = new Date(`${to}T00:00:00`);
  end.setDate(end.getDate() + 1);
  const reports: Record<Tab, ReactNode> = {
    service: (
      <Stack gap="lg">
        <ResponseTimesReport from={start} to={end} />
        <SatisfactionReport from={start} to={end} />
      </Stack>
    ),
    bots: <BotReport from={start} to={end} />,
    campaigns: <CampaignResults from={start} to={end} />,
  };
  const report = (which: Tab) => reports[which];
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
            <DateField label={t('reports.from')} value={from} onChange={setFrom} w={150} data-testid="reports-from" />
            <DateField label={t('reports.to')} value={to} onChange={setTo} w={150} data-testid="reports-to" />
          </Group>
        </Group>
      </Group>
      {rangeProblem && <Alert color="orange" data-testid="reports-range-problem">{t(rangeProblem)}</Alert>}
      {tab && tabs.length > 1 ? (
        <Tabs value={tab} onChange={(v) => v && setParams({ tab: v }, { replace: true })} keepMounted={false}>
          <Tabs.List mb="md">
            {tabs.map((x) => <Tabs.Tab key={x} value={x} data-testid={`reports-tab-${x}`}>{t(`reports.tabs.${x}`)}</Tabs.Tab>)}
          </Tabs.List>
          {!rangeProblem && tabs.map((x) => <Tabs.Panel key={x} value={x}>{report(x)}</Tabs.Panel>)}
        </Tabs>
      ) : (
        tab && !rangeProblem && report(tab)
      )}
    </Stack>
  );
}
