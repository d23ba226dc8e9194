import { describe, expect, it } from 'vitest';
import { isTransient } from './transient-errors';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code, routine: 'r' });

describe('isTransient', () => {
  it('when the database or Redis was busy or away, then the error is transient', () => {
    for (const code of ['40P01', '40001', '55P03', '57P01', '53300', '08006']) expect(isTransient(pgError(code)), code).toBe(true);
    expect(isTransient(Object.assign(new Error('Knex: Timeout acquiring a connection. The pool is probably full.'), { name: 'KnexTimeoutError' }))).toBe(true);
    expect(isTransient(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6379'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isTransient(new Error('Connection is closed.'))).toBe(true);
  });

  it('when the work itself is wrong, then the error is not transient', () => {
    expect(isTransient(pgError('23505', 'duplicate key'))).toBe(false);
    expect(isTransient(pgError('P0001', 'raised'))).toBe(false);
    expect(isTransient(new TypeError("Cannot read properties of undefined (reading 'text')"))).toBe(false);
    expect(isTransient(null)).toBe(false);
    expect(isTransient('boom')).toBe(false);
  });
});
