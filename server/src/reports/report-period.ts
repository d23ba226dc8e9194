import { z } from 'zod';
import { canonicalTimeZone, isValidTimeZone } from '@zyntra/flows-schema';

const DAY = 24 * 3600_000;

const bounds = { from: z.iso.datetime({ offset: true }).optional(), to: z.iso.datetime({ offset: true }).optional() };

/** The last 30 days by default, at most 366 days at once. */
const period = <T extends { from?: string; to?: string }>(q: T) => {
  const end = q.to ? new Date(q.to) : new Date();
  return { ...q, from: q.from ? new Date(q.from) : new Date(end.getTime() - 30 * DAY), to: end };
};
const checked = <S extends z.ZodType<{ from: Date; to: Date }>>(s: S) => s
  .refine((r) => r.from < r.to, 'from must be before to')
  .refine((r) => r.to.getTime() - r.from.getTime() <= 366 * DAY, 'at most 366 days at once');

/** A report's period, `?from=&to=`. */
export const reportPeriod = checked(z.object(bounds).transform(period));

/**
 * A period counted by day, `?from=&to=&tz=`: the days are the reader's (an IANA zone, UTC by default).
 * PostgreSQL counts them, and it does not know every alias the runtime takes (US/Pacific-New was a
 * 500): it is given the zone's own id.
 */
export const dailyPeriod = checked(z.object({
  ...bounds,
  tz: z.string().max(64).refine(isValidTimeZone, 'An IANA time zone such as America/Sao_Paulo').transform(canonicalTimeZone).default('UTC'),
}).transform(period));
