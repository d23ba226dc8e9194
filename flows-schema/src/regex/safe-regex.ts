// Every pattern a workspace writes (regex keywords, regex condition rules) is checked and run
// here, on the linear-time engine of linear-regex.ts: the validator and the engine share one
// verdict, and nothing compiles a workspace's pattern with RegExp. Compiling costs 0.03–1.5 ms,
// so verdicts are kept in a small least-recently-used cache.
import type { Localized } from '../localized';
import { compileLinear, type LinearRegex } from './linear-regex';
import { hasNestedRepetition } from './nested-repetition';

export type { LinearRegex } from './linear-regex';
export { MAX_REGEX_PROGRAM_SIZE } from './linear-regex';

export const MAX_REGEX_LENGTH = 200;
/** How patterns are matched: case-insensitively (the engine applies it; kept for API stability). */
export const REGEX_FLAGS = 'i';

export type RegexFailure = { ok: false; reason: 'too_long' | 'invalid' | 'unsafe'; detail: Localized };
export type RegexCheck = { ok: true } | RegexFailure;
export type CompiledRegex = { ok: true; regex: LinearRegex } | RegexFailure;

const NESTED = { en: 'nested repetition', 'pt-BR': 'repetição aninhada' } as const;
const CACHE_SIZE = 256;
const cache = new Map<string, CompiledRegex>();

const TOO_LONG: RegexFailure = {
  ok: false,
  reason: 'too_long',
  detail: {
    en: `longer than ${MAX_REGEX_LENGTH} characters`,
    'pt-BR': `mais de ${MAX_REGEX_LENGTH} caracteres`,
  },
};

function compileUncached(pattern: string): CompiledRegex {
  const compiled = compileLinear(pattern);
  if (compiled.ok && hasNestedRepetition(pattern)) return { ok: false, reason: 'unsafe', detail: NESTED };
  return compiled;
}

/** The pattern compiled for the engine, or why it is refused. Never throws. */
export function compileRegex(pattern: string): CompiledRegex {
  // Before the cache, so a huge pattern is never kept as a key.
  if (pattern.length > MAX_REGEX_LENGTH) return TOO_LONG;
  const hit = cache.get(pattern);
  if (hit) {
    cache.delete(pattern); // re-insert: Map order is the recency order
    cache.set(pattern, hit);
    return hit;
  }
  const result = compileUncached(pattern);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(pattern, result);
  return result;
}

export function checkRegex(pattern: string): RegexCheck {
  const result = compileRegex(pattern);
  return result.ok ? { ok: true } : result;
}

export function isSafeRegex(pattern: string): boolean {
  return compileRegex(pattern).ok;
}

/** The compiled pattern (case-insensitive, linear time), or null when it is refused. */
export function compileSafeRegex(pattern: string): LinearRegex | null {
  const result = compileRegex(pattern);
  return result.ok ? result.regex : null;
}
