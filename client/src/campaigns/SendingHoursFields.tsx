// The wizard's sending hours: from and until, with what they mean said under them. An end before the
// start runs overnight ("Envia das 22:00 até 06:00 do dia seguinte"); the same time twice is refused
// at the end field, as the server refuses it (its refusal, worded by code, shows there too).
import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TimeField } from '../shared/TimeField';
import { clockTime } from '../shared/clock-time';
import { hoursShape, type SendingHours } from './sending-hours';
import type { FieldMessage } from './campaign-field-errors';

type Props = { value: SendingHours; onChange(w: SendingHours): void; serverError?: FieldMessage };

export function SendingHoursFields({ value, onChange, serverError }: Props) {
  const { t, i18n } = useTranslation();
  const time = (hhmm: string) => clockTime(i18n.language, `1970-01-01T${hhmm}:00Z`, { timeZone: 'UTC' });
  const shape = hoursShape(value);
  // The whole day, as the message suggests it, in the times this language writes.
  const allDay = { start: time('00:00'), end: time('23:59') };
  const refusal = shape === 'same' ? { key: 'campaigns.wizard.windowSame' } : serverError;
  const endError = refusal ? t(refusal.key as never, { ...refusal.values, ...allDay }) : undefined;
  return (
    <Stack gap={4}>
      <Group grow align="flex-start">
        <TimeField label={t('campaigns.wizard.windowStart')} value={value.start} onChange={(start) => onChange({ ...value, start })} data-testid="window-start" />
        <TimeField label={t('campaigns.wizard.windowEnd')} value={value.end} onChange={(end) => onChange({ ...value, end })} error={endError} data-testid="window-end" />
      </Group>
      {shape === 'overnight' && (
        <Text size="sm" data-testid="window-overnight">{t('campaigns.wizard.windowOvernight', { start: time(value.start), end: time(value.end) })}</Text>
      )}
      <Text size="xs" c="dimmed">{t('campaigns.wizard.windowHint')}</Text>
    </Stack>
  );
}
