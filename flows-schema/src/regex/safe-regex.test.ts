import { beforeAll, describe, expect, it } from 'vitest';
import { cpuTimed } from '../testing/cpu-time';
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

// Patterns that backtracking engines take exponential (or high polynomial) time on: 29
// characters took 21–42 s with RegExp. On the linear-time engine they finish at once.
const CATASTROPHIC: Array<[string, string]> = [
  ['^(a|a)*$', `${'a'.repeat(10_240)}!`],
  ['(\\w|\\d)*x$', '1'.repeat(10_240)],
  ['^\\d*\\d*\\d*\\d*x', '1'.repeat(10_240)],
];

describe('compileSafeRegex: linear time', () => {
  // The bound is about the algorithm, not the first call's compilation of the engine's own code.
  beforeAll(() => {
    compileSafeRegex('^(warm|up)*$')?.test('warm'.repeat(2_560));
  });

  it.each(CATASTROPHIC)(
    'when %s meets 10 kB of hostile input, then it answers in under 50 ms',
    (pattern, input) => {
      const regex = compileSafeRegex(pattern);
      expect(regex).not.toBeNull();
      const { result, ms } = cpuTimed(() => regex?.test(input));
      expect(result).toBe(false);
      expect(ms).toBeLessThan(50);
    },
  );

  it.each([
    ['^pedido\\s*\\d+$', 'PEDIDO 42', true],
    ['caf\\u00e9', 'Um CAFÉ, por favor', true],
    ['a\\/b', 'a/b', true],
    ['(?<pedido>\\d{4,})', 'pedido 12345', true],
    ['^\\p{L}+$', 'ação', true],
    ['\\bpix\\b', 'pago no pixel', false],
    ['^\\d{5}-?\\d{3}$', '01310-100', true],
  ])('when %s is written in JavaScript syntax, then it matches %j: %s', (pattern, text, matches) => {
    expect(compileSafeRegex(pattern)?.test(text)).toBe(matches);
  });
});

describe('checkRegex: what the linear-time engine cannot run', () => {
  it.each([
    ['(a)\\1', 'backreferences'],
    ['(?<n>a)\\k<n>', 'backreferences'],
    ['(?=a)a', 'lookahead'],
    ['(?!a)b', 'lookahead'],
    ['(?<=a)b', 'lookahead'],
    ['(?<!a)b', 'lookahead'],
  ])('when %s needs backtracking, then it is invalid and the reason says %s', (pattern, words) => {
    const result = checkRegex(pattern);
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    expect(!result.ok && result.detail.en).toContain(words);
    expect(!result.ok && result.detail['pt-BR']).not.toBe(!result.ok && result.detail.en);
  });

  it('when a backslash is escaped before k<, then it is a literal, not a backreference', () => {
    expect(compileSafeRegex('\\\\k<x>')?.test('\\k<x>')).toBe(true);
  });

  it.each(['.{1000}', '\\p{L}{300}', '[^a]{200}[^b]{200}', 'a{1001}', '(?:x{40}){40}'])(
    'when %s compiles to a program too large to run fast, then it is unsafe',
    (pattern) => {
      expect(checkRegex(pattern)).toMatchObject({ ok: false, reason: 'unsafe' });
    },
  );

  it('when a 200-character list of keywords is written, then it still fits the program budget', () => {
    const words = [
      'oi',
      'ola',
      'bom dia',
      'boa tarde',
      'boa noite',
      'quero comprar',
      'preco',
      'valor',
      'orcamento',
      'pedido',
      'entrega',
      'frete',
      'pix',
      'boleto',
      'cartao',
      'parcelar',
      'desconto',
      'cupom',
      'promocao',
      'troca',
      'devolucao',
      'garantia',
      'atendente',
    ];
    const pattern = `^(?:${words.join('|')})$`;
    expect(pattern.length).toBeLessThanOrEqual(MAX_REGEX_LENGTH);
    expect(checkRegex(pattern)).toEqual({ ok: true });
    expect(compileSafeRegex(pattern)?.test('Boa Tarde')).toBe(true);
  });

  it('when the pattern is refused, then the reason reads in both languages', () => {
    expect(checkRegex('(abc')).toMatchObject({
      detail: { en: 'a “(” is never closed', 'pt-BR': 'um “(” não foi fechado' },
    });
  });
});
