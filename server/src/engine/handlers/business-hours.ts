// Open or closed at the step's time (ctx.now), by the weekly hours in the business's time zone.
// The clock is the context's, so the engine stays pure and a test can set any moment.
import { clockMinutes, localClock, type LocalClock, type NodeConfig } from '@zyntra/flows-schema';
import type { NodeHandler } from './types';

type Period = NodeConfig<'business_hours'>['periods'][number];

/** Monday first, as localClock counts days; typed, so a day the schema adds fails here. */
const DAY_INDEX: Record<Period['days'][number], number> = { mon: 0, tue: 1, wed: 2, thu: 3, fri: 4, sat: 5, sun: 6 };
const has = (period: Period, day: number) => period.days.some((d) => DAY_INDEX[d] === (day + 7) % 7);

/** Open during [from, to) on one of its days; past midnight when `to` is not after `from`. */
export function isOpenIn(period: Period, at: Pick<LocalClock, 'day' | 'minutes'>): boolean {
  const from = clockMinutes(period.from);
  const to = clockMinutes(period.to);
  if (from < to) return has(period, at.day) && at.minutes >= from && at.minutes < to;
  return (has(period, at.day) && at.minutes >= from) || (has(period, at.day - 1) && at.minutes < to);
}

export const businessHours: NodeHandler<'business_hours'> = {
  enter(node, _session, ctx) {
    const at = localClock(new Date(ctx.now), node.config.timezone);
    const next = node.config.periods.some((period) => isOpenIn(period, at)) ? 'open' : 'closed';
    return { next, actions: [], outcome: next };
  },
};
