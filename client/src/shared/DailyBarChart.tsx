// A report's bars per day of the reader's calendar, stacked by series (transfers by what became of
// them, survey answers by score). Its own module, loaded only when a report shows it: the charting
// library stays out of the bundle agents' phones load for the inbox.
import { BarChart, type BarChartSeries } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { useTranslation } from 'react-i18next';
import { dayLabel } from './local-day';

export default function DailyBarChart({ days, series, h }: { days: Array<{ day: string }>; series: BarChartSeries[]; h: number }) {
  const { i18n } = useTranslation();
  return (
    <BarChart
      h={h}
      data={days.map((d) => ({ ...d, label: dayLabel(d.day, i18n.language) }))}
      dataKey="label"
      type="stacked"
      withLegend
      legendProps={{ verticalAlign: 'bottom' }}
      tickLine="none"
      gridAxis="x"
      yAxisProps={{ allowDecimals: false, width: 32 }}
      series={series}
    />
  );
}
