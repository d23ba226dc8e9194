import { describe, expect, it } from 'vitest';
import { errorMiddleware } from './error-middleware';
import { hasUnstorableJson } from './text-guard';

describe('hasUnstorableJson', () => {
  it.each([
    ['{"a":"x\\u0000"}', true],
    ['{"a\\u0000":1}', true],
    ['{"a":"\\\\\\u0000"}', true], // an escaped backslash, then NUL
    ['{"a":"\\\\u0000"}', false], // a backslash, then the letters u0000
    ['{"a":"u0000"}', false],
    ['{"a":"\\ud83d\\ude00"}', false], // 😀 as a pair of escapes
    ['{"a":"\\uD83D\\uDE00\\ud83d"}', true], // a pair, then a high half alone
    ['{"a":"\\ud83dx"}', true],
    ['{"a":"x\\ude00"}', true],
    ['{"a\\udfff":1}', true],
    ['{"a":"\\\\ud800"}', false],
    ['{"a":"😀 olá \\n"}', false],
  ])('when the JSON text is %s, then unstorable is %s', (json, expected) => {
    expect(hasUnstorableJson(json)).toBe(expected);
    // The same answer as looking at the parsed keys and values.
    const parsed = JSON.parse(json) as Record<string, string>;
    const halfPair = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
    expect(Object.entries(parsed).flat().some((v) => typeof v === 'string' && (v.includes('\u0000') || halfPair.test(v)))).toBe(expected);
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
