import { describe, expect, it } from 'vitest';
import { errorMiddleware } from './error-middleware';
import { hasJsonNul } from './nul-guard';

describe('hasJsonNul', () => {
  it.each([
    ['{"a":"x\\u0000"}', true],
    ['{"a\\u0000":1}', true],
    ['{"a":"\\\\\\u0000"}', true], // an escaped backslash, then NUL
    ['{"a":"\\\\u0000"}', false], // a backslash, then the letters u0000
    ['{"a":"u0000"}', false],
    ['{"a":"\\u00001"}', true],
  ])('when the JSON text is %s, then NUL is %s', (json, expected) => {
    expect(hasJsonNul(json)).toBe(expected);
    expect(JSON.parse(json).a?.includes?.('\u0000') ?? Object.keys(JSON.parse(json))[0]!.includes('\u0000')).toBe(expected);
  });
});

describe('errorMiddleware and text PostgreSQL cannot store', () => {
  it.each(['22021', '22P05'])('when a query fails with %s, then the answer is a 400, not a 500', (code) => {
    const sent: { status?: number; body?: any } = {};
    const res = { status(s: number) { sent.status = s; return this; }, json(b: unknown) { sent.body = b; return this; } };
    errorMiddleware(Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code }), { log: { warn() {} } } as any, res as any, () => {});
    expect(sent).toEqual({ status: 400, body: { error: { code: 'validation_failed', message: 'The request holds text that cannot be stored' } } });
  });
});
