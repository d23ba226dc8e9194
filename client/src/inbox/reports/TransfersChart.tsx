// The transfers-per-day bars, stacked by what became of them. Its own module, loaded only when a
// report shows it: the charting library is not in the bundle agents' phones load for the inbox.
import { BarChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { useTranslation } from 'react-i18next';
import type { TransfersByDay } from '../api/inbox-types';
import { dayLabel } from '../../shared/local-day';

export default function TransfersChart({ days }: { days: TransfersByDay['days'] }) {
  const { t, i18n } = useTranslation();
  return (
    <BarChart
      h={240}
      data={days.map((d) => ({ ...d, label: dayLabel(d.day, i18n.language) }))}
      dataKey="label"
      type="stacked"
      withLegend
      legendProps={{ verticalAlign: 'bottom' }}
      tickLine="none"
      gridAxis="x"
      yAxisProps={{ allowDecimals: false, width: 32 }}
      series={[
        { name: 'answered', label: t('reports.daily.answered'), color: 'teal.6' },
        { name: 'open', label: t('reports.daily.open'), color: 'yellow.5' },
        { name: 'unanswered', label: t('reports.daily.unanswered'), color: 'red.6' },
      ]}
    />
  );
}
