// A calendar day typed or picked as the UI's language writes it ("06/12/2026" in Portuguese,
// "Dec 6, 2026" in English), whatever the browser's own locale, which a native date input follows.
// The value is an ISO day ("2026-12-06"); the calendar's weeks start on Sunday, as in Brazil and the US,
// and its weekends look like the other days (Mantine paints them red, which reads as days not to pick).
import { DateInput, type DateInputProps } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { dayFormat, parseTypedDay } from './day-formats';

// No min/max: a day outside them would be dropped without a word as it is typed; each form says
// instead what is wrong with the day (a campaign's time already gone, a report's start after its end).
type Props = Omit<DateInputProps, 'value' | 'onChange' | 'minDate' | 'maxDate'> & { value: string; onChange: (day: string) => void };

export function DateField({ value, onChange, ...rest }: Props) {
  const { t, i18n } = useTranslation();
  const { locale, shown } = dayFormat(i18n.language);
  return (
    <DateInput
      locale={locale}
      valueFormat={shown}
      dateParser={(text) => parseTypedDay(i18n.language, text)}
      firstDayOfWeek={0}
      weekendDays={[]}
      placeholder={t('dates.placeholder')}
      leftSection={<IconCalendar size={16} aria-hidden />}
      ariaLabels={{
        previousMonth: t('dates.previousMonth'), nextMonth: t('dates.nextMonth'),
        previousYear: t('dates.previousYear'), nextYear: t('dates.nextYear'),
        previousDecade: t('dates.previousDecade'), nextDecade: t('dates.nextDecade'),
        monthLevelControl: t('dates.pickMonth'), yearLevelControl: t('dates.pickYear'),
      }}
      {...rest}
      value={value || null}
      onChange={(day) => day && onChange(day.slice(0, 10))}
    />
  );
}
