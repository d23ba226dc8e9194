// The survey answers per day, stacked by score. Its own module, loaded only when the report shows it:
// the charting library stays out of the bundle agents' phones load for the inbox.
import { BarChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { useTranslation } from 'react-i18next';
import { dayLabel } from '../shared/local-day';
import type { CsatByDay } from './reports-api';

export default function CsatChart({ days }: { days: CsatByDay['days'] }) {
  const { t, i18n } = useTranslation();
  return (
    <BarChart
      h={200}
      data={days.map((d) => ({ ...d, label: dayLabel(d.day, i18n.language) }))}
      dataKey="label"
      type="stacked"
      withLegend
      legendProps={{ verticalAlign: 'bottom' }}
      tickLine="none"
      gridAxis="x"
      yAxisProps={{ allowDecimals: false, width: 32 }}
      series={[
        { name: 'great', label: t('reports.csat.great'), color: 'teal.6' },
        { name: 'ok', label: t('reports.csat.ok'), color: 'yellow.5' },
        { name: 'poor', label: t('reports.csat.poor'), color: 'red.6' },
      ]}
    />
  );
}
