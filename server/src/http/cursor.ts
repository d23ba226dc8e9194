// Opaque keyset cursors: base64url JSON that clients hand back unchanged. Whatever comes back is
// checked against the shape we issue, so a forged or truncated cursor is a 400, never a database error.
import { z } from 'zod';
import { AppError } from './app-error';

export const encodeCursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function decodeCursor<S extends z.ZodType>(schema: S, cursor: string | undefined): z.infer<S> | null {
  if (!cursor) return null;
  let raw: unknown;
  try {
    if (!/^[\w-]+$/.test(cursor)) throw new Error('not base64url');
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new AppError('validation_failed', 'cursor is not valid');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError('validation_failed', 'cursor is not valid');
  return parsed.data;
}

const STAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?(?:Z|[+-](\d{2})(?::?(\d{2}))?)$/;

/**
 * A time PostgreSQL takes as a timestamptz and we could have written: a real calendar day from year 1
 * to 9999, a real time of day, an offset within ±15:59. A forged cursor that fails this would fail in
 * the query (a 500) instead of here (a 400).
 */
export function isInstant(text: string): boolean {
  const m = STAMP.exec(text);
  if (!m) return false;
  const [year, month, day, hour, minute, second, offsetHours, offsetMinutes] = m.slice(1).map((part) => Number(part ?? 0)) as number[];
  const date = new Date(0);
  date.setUTCFullYear(year!, month! - 1, day!);
  const realDay = date.getUTCFullYear() === year && date.getUTCMonth() === month! - 1 && date.getUTCDate() === day;
  return realDay && year! >= 1 && hour! < 24 && minute! < 60 && second! < 60 && offsetHours! <= 15 && offsetMinutes! < 60;
}

/** (timestamp, id) position in a list sorted newest first. */
export const timeCursor = z.object({ at: z.iso.datetime({ offset: true }).refine(isInstant), id: z.uuid() });
export type TimeCursor = z.infer<typeof timeCursor>;

/** Position in a list sorted by a bigint id. */
export const idCursor = z.object({ id: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) });

/** Cuts one extra row off a page and turns the last kept row into the next cursor. */
export function page<T>(rows: T[], limit: number, cursorOf: (last: T) => unknown) {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  return { items, nextCursor: more ? encodeCursor(cursorOf(items[items.length - 1]!)) : null };
}
