import { z } from 'zod';

const DAY = 24 * 3600_000;

/** A report's period, `?from=&to=`: the last 30 days by default, at most 366 days at once. */
export const reportPeriod = z
  .object({ from: z.iso.datetime({ offset: true }).optional(), to: z.iso.datetime({ offset: true }).optional() })
  .transform(({ from, to }) => {
    const end = to ? new Date(to) : new Date();
    return { from: from ? new Date(from) : new Date(end.getTime() - 30 * DAY), to: end };
  })
  .refine((r) => r.from < r.to, 'from must be before to')
  .refine((r) => r.to.getTime() - r.from.getTime() <= 366 * DAY, 'at most 366 days at once');
