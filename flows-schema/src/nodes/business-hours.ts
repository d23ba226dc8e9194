import { z } from 'zod';
import { localized, truncate, type Locale, type Localized } from '../localized';
import { clockText } from '../time/clock-text';
import { TIME_ZONE_IDS, TIME_ZONES } from '../time/time-zones';
import type { ProblemDraft } from '../validate/problems';
import { handle } from './common';
import { defineNode } from './define-node';
import { field } from './field-meta';

// Whether the business is open right now, by its weekly opening hours in its time zone: a flow
// sends a customer to a person while someone is there, and says when they will be otherwise.
// A period whose end is not after its start runs past midnight into the next day (00:00 to 00:00
// is the whole day).
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const WEEKDAY_LABELS = {
  mon: localized('Mon', 'Seg'),
  tue: localized('Tue', 'Ter'),
  wed: localized('Wed', 'Qua'),
  thu: localized('Thu', 'Qui'),
  fri: localized('Fri', 'Sex'),
  sat: localized('Sat', 'Sáb'),
  sun: localized('Sun', 'Dom'),
} as const satisfies Record<Weekday, Localized>;

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time such as 08:30');

const periodSchema = z.object({
  days: field(z.array(z.enum(WEEKDAYS)).max(7), { label: localized('Days', 'Dias'), optionLabels: WEEKDAY_LABELS }),
  from: field(clock, { label: localized('Opens at', 'Abre às') }),
  to: field(clock, { label: localized('Closes at', 'Fecha às') }),
});

const businessHoursConfig = z.object({
  timezone: field(z.enum(TIME_ZONE_IDS), {
    label: localized('Time zone', 'Fuso horário'),
    optionLabels: TIME_ZONES,
  }),
  periods: field(z.array(periodSchema).max(14), {
    label: localized('Add opening hours', 'Adicionar horário'),
    hint: localized(
      'Open while any line holds. Two lines on one day make a lunch break; a line that closes before it opens ends the next morning; midnight to midnight is the whole day.',
      'Aberto enquanto alguma linha vale. Duas linhas no mesmo dia fazem o intervalo de almoço; uma linha que fecha antes de abrir termina na manhã seguinte; 00:00 a 00:00 é o dia todo.',
    ),
  }),
});

export type BusinessHoursConfig = z.output<typeof businessHoursConfig>;
type Period = BusinessHoursConfig['periods'][number];

/** "Mon–Fri 8 AM–6 PM" ("Seg–Sex 08:00–18:00"), with runs of three or more days joined. */
export function periodText(period: Period, locale: Locale = 'en'): string {
  const picked = WEEKDAYS.filter((day) => period.days.includes(day));
  const runs: Weekday[][] = [];
  for (const day of picked) {
    const run = runs.at(-1);
    if (run && WEEKDAYS.indexOf(run.at(-1)!) === WEEKDAYS.indexOf(day) - 1) run.push(day);
    else runs.push([day]);
  }
  const name = (day: Weekday) => WEEKDAY_LABELS[day][locale];
  const days = runs.map((run) => (run.length >= 3 ? `${name(run[0]!)}–${name(run.at(-1)!)}` : run.map(name).join(', '))).join(', ');
  return `${days} ${clockText(period.from, locale)}–${clockText(period.to, locale)}`;
}

function check(config: BusinessHoursConfig): ProblemDraft[] {
  const problems: ProblemDraft[] = [];
  if (config.periods.length === 0) problems.push({ code: 'hours_required', path: 'periods' });
  config.periods.forEach((period, i) => {
    if (period.days.length === 0) problems.push({ code: 'days_required', path: `periods.${i}.days` });
  });
  return problems;
}

export const businessHoursNode = defineNode({
  type: 'business_hours',
  version: 1,
  icon: 'calendar',
  color: 'lime',
  label: localized('Business hours', 'Horário de atendimento'),
  description: localized(
    'Follows “Open” while the business is open by its weekly hours, otherwise “Closed”.',
    'Segue “Aberto” enquanto a empresa está aberta pelo horário semanal; senão, “Fechado”.',
  ),
  config: businessHoursConfig,
  isEntry: false,
  defaults: (): BusinessHoursConfig => ({
    timezone: 'America/Sao_Paulo',
    periods: [
      { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '18:00' },
      { days: ['sat'], from: '08:00', to: '12:00' },
    ],
  }),
  outputs: () => [handle('open', localized('Open', 'Aberto'), true), handle('closed', localized('Closed', 'Fechado'), true)],
  // A line without days (a problem of its own) holds no hours to show.
  summary: (config, locale = 'en') =>
    truncate(config.periods.filter((period) => period.days.length > 0).map((period) => periodText(period, locale)).join(' · '), 60),
  waitsForCustomer: () => false,
  templates: () => [],
  check,
});
