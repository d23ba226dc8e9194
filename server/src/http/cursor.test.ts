import { describe, expect, it } from 'vitest';
import { AppError } from './app-error';
import { decodeCursor, encodeCursor, idCursor, isInstant, page, timeCursor } from './cursor';

const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

describe('cursors', () => {
  it('when a cursor we issued comes back, then it decodes to the same position', () => {
    const at = new Date('2026-11-30T10:00:00.000Z').toISOString();
    const id = '6f1c1f8e-5a43-4c55-9a53-0c2b3f1b2f10';
    expect(decodeCursor(timeCursor, encodeCursor({ at, id }))).toEqual({ at, id });
    expect(decodeCursor(idCursor, encodeCursor({ id: 42 }))).toEqual({ id: 42 });
    expect(decodeCursor(timeCursor, undefined)).toBeNull();
  });

  it.each([
    ['not base64url', '%%%'],
    ['not JSON', b64('{nope')],
    ['a bare number', b64(5)],
    ['a bad timestamp', b64({ at: 'yesterday', id: '6f1c1f8e-5a43-4c55-9a53-0c2b3f1b2f10' })],
    ['a bad id', b64({ at: '2026-11-30T10:00:00.000Z', id: "1' OR 1=1" })],
    ['null', b64('null')],
    ['a year PostgreSQL has not', b64({ at: '0000-01-01T00:00:00Z', id: '6f1c1f8e-5a43-4c55-9a53-0c2b3f1b2f10' })],
    ['an offset of 99 hours', b64({ at: '2026-12-02T17:24:48+99:00', id: '6f1c1f8e-5a43-4c55-9a53-0c2b3f1b2f10' })],
  ])('when the cursor is %s, then it is a validation error', (_label, cursor) => {
    expect(() => decodeCursor(timeCursor, cursor)).toThrowError(AppError);
    try {
      decodeCursor(timeCursor, cursor);
    } catch (err) {
      expect((err as AppError).code).toBe('validation_failed');
    }
  });

  it('when an id cursor is negative or fractional, then it is refused', () => {
    expect(() => decodeCursor(idCursor, b64({ id: -1 }))).toThrowError(AppError);
    expect(() => decodeCursor(idCursor, b64({ id: 1.5 }))).toThrowError(AppError);
  });

  it('when there is one row more than the limit, then a next cursor points at the last kept row', () => {
    const { items, nextCursor } = page([1, 2, 3], 2, (last) => ({ id: last }));
    expect(items).toEqual([1, 2]);
    expect(decodeCursor(idCursor, nextCursor!)).toEqual({ id: 2 });
    expect(page([1, 2], 2, (l) => ({ id: l })).nextCursor).toBeNull();
  });

  it('when a time is one PostgreSQL stores, then it is an instant; a day, hour, offset or year it has not is not', () => {
    for (const ok of ['2026-12-02T17:24:48.123456Z', '2026-12-02 17:24:48.123456+00', '2024-02-29T00:00:00-03:00', '0001-01-01 00:00:00+05:30']) expect(isInstant(ok), ok).toBe(true);
    for (const bad of ['2026-13-45 00:00:00+00', '2026-02-30T00:00:00Z', '2025-02-29T00:00:00Z', '2026-12-02T24:00:00Z', '2026-12-02 17:24:48+99', '0000-01-01T00:00:00Z', '10000-01-01T00:00:00Z', '2026-12-02', 'now']) {
      expect(isInstant(bad), bad).toBe(false);
    }
  });
});
