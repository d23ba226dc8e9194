// A time of day picked from a list, written as the UI's language writes it ("6:30 PM" in English,
// "18:30" in Portuguese) whatever the browser's own 12/24-hour setting, which a native time input
// follows. Every quarter of an hour, 23:59 for "until the end of the day", and the value itself if
// it is none of those; typing filters by either way of writing it ("18" finds 6:00 PM).
import { Select, type ComboboxItem, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { clockTime } from './clock-time';
import { timeOptions } from './time-options';

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange'> & { value: string; onChange: (value: string) => void };

export function TimeField({ value, onChange, ...rest }: Props) {
  const { i18n } = useTranslation();
  const label = (v: string) => clockTime(i18n.language, `1970-01-01T${v}:00Z`, { timeZone: 'UTC' });
  const data = timeOptions(value).map((v) => ({ value: v, label: label(v) }));
  const filter = ({ options, search }: { options: ComboboxItem[]; search: string }) => {
    const s = search.trim().toLowerCase();
    return (options as ComboboxItem[]).filter((o) => o.label.toLowerCase().includes(s) || o.value.includes(s));
  };
  return <Select searchable selectFirstOptionOnChange maxDropdownHeight={240} {...rest} data={data} value={value} filter={filter as SelectProps['filter']} onChange={(v) => v && onChange(v)} />;
}
