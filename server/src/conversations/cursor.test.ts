import { describe, expect, it } from 'vitest';
import { AppError } from '../http/app-error';
import { decodeCursor, encodeCursor, idCursor, page, timeCursor } from './cursor';

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
});
