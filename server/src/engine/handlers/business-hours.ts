// Open or closed at the step's time (ctx.now), by the weekly hours in the business's time zone.
// The clock is the context's, so the engine stays pure and a test can set any moment.
import type { NodeConfig } from '@zyntra/flows-schema';
import type { NodeHandler } from './types';

type Period = NodeConfig<'business_hours'>['periods'][number];
type LocalTime = { day: number; minute: number };

/** Monday first, as Intl names the days in English; typed, so a day the schema adds fails here. */
const DAY_INDEX: Record<Period['days'][number], number> = { mon: 0, tue: 1, wed: 2, thu: 3, fri: 4, sat: 5, sun: 6 };
const SHORT_DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const formats = new Map<string, Intl.DateTimeFormat>();

/** The weekday (0 = Monday) and minute of the day at `iso` on the clocks of `timeZone`. */
export function localTime(iso: string, timeZone: string): LocalTime {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return { day: SHORT_DAYS.indexOf(parts.weekday ?? ''), minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

const minuteOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
const has = (period: Period, day: number) => period.days.some((d) => DAY_INDEX[d] === (day + 7) % 7);

/** Open during [from, to) on one of its days; past midnight when `to` is not after `from`. */
export function isOpenIn(period: Period, at: LocalTime): boolean {
  const from = minuteOf(period.from);
  const to = minuteOf(period.to);
  if (from < to) return has(period, at.day) && at.minute >= from && at.minute < to;
  return (has(period, at.day) && at.minute >= from) || (has(period, at.day - 1) && at.minute < to);
}

export const businessHours: NodeHandler<'business_hours'> = {
  enter(node, _session, ctx) {
    const at = localTime(ctx.now, node.config.timezone);
    const next = node.config.periods.some((period) => isOpenIn(period, at)) ? 'open' : 'closed';
    return { next, actions: [], outcome: next };
  },
};
