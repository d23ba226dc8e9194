// The transfers-per-day bars, stacked by what became of them. Its own module, loaded only when a
// report shows it: the charting library is not in the bundle agents' phones load for the inbox.
import { BarChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { useTranslation } from 'react-i18next';
import type { TransfersByDay } from '../api/inbox-types';

/** "28/11" in pt-BR, "11/28" in English: a day of the reader's calendar, without its year. */
export const dayLabel = (day: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

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
