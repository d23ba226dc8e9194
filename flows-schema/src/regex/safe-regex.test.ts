import { describe, expect, it } from 'vitest';
import { checkRegex, compileSafeRegex, isSafeRegex, MAX_REGEX_LENGTH } from './safe-regex';

describe('checkRegex', () => {
  it.each([
    '^oi$',
    'pedido\\s*\\d+',
    '(oi|ola|bom dia)',
    '[a-z]+@[a-z]+\\.com',
    '(ab){2}',
    '(?:sim|s)\\b',
    'a{2,5}',
  ])('when the pattern %s has no nested repetition, then it is safe', (pattern) => {
    expect(checkRegex(pattern)).toEqual({ ok: true });
  });

  it.each([
    '(a+)+',
    '(a*)*b',
    '(\\w+\\s?)*$',
    '((ab)*c)+',
    '(?:a|b+)+',
    '(x+x+)+y',
    '(a{1,3}){2,}',
    '(?<n>a+)*',
    '([a-z]+)*',
  ])('when the pattern %s repeats a repeating group, then it is unsafe', (pattern) => {
    expect(checkRegex(pattern)).toMatchObject({ ok: false, reason: 'unsafe' });
  });

  it.each(['(a+)?', '(a+)', '(a?)?', '[(a+)]+', '\\(a+\\)+', '(a+){1}', '(a+)b+'])(
    'when %s only looks nested (optional, escaped, inside a class or not repeated), then it is safe',
    (pattern) => {
      expect(isSafeRegex(pattern)).toBe(true);
    },
  );
});

describe('checkRegex: invalid, long and compiled patterns', () => {
  it('when the pattern does not compile, then the reason is invalid with the engine detail', () => {
    expect(checkRegex('(abc')).toMatchObject({ ok: false, reason: 'invalid' });
    expect(checkRegex('[z-a]')).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('when the pattern is longer than the cap, then it is rejected before compiling', () => {
    expect(checkRegex('a'.repeat(MAX_REGEX_LENGTH))).toEqual({ ok: true });
    expect(checkRegex('a'.repeat(MAX_REGEX_LENGTH + 1))).toMatchObject({ ok: false, reason: 'too_long' });
  });

  it('when a pattern is safe, then compileSafeRegex returns a case-insensitive RegExp, else null', () => {
    expect(compileSafeRegex('^OI$')?.test('oi')).toBe(true);
    expect(compileSafeRegex('(a+)+')).toBeNull();
  });
});
