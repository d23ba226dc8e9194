import { localized, type Localized } from '../localized';
import { checkRegex, MAX_REGEX_LENGTH } from '../regex/safe-regex';
import type { ProblemDraft } from '../validate/problems';
import type { CheckContext, OutputHandle } from './define-node';

/** A choice's own title, or its place when it has none yet ("Connect the “Button 2” output", not “”). */
export const choiceLabel = (title: string, n: number, en: string, pt: string): Localized =>
  title.trim() ? localized(title, title) : localized(`${en} ${n}`, `${pt} ${n}`);

export function handle(id: string, label: Localized, required: boolean): OutputHandle {
  return { id, label, required };
}

/** The first item of each id, in order; linear, whatever the number of items. */
export function firstOfEachId<T extends { id: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.id) && seen.add(item.id));
}

/** Duplicate ids would make two handles indistinguishable; the duplicate itself is reported by check(). */
export function uniqueHandles(handles: OutputHandle[]): OutputHandle[] {
  return firstOfEachId(handles);
}

/** Indexes of the values that repeat an earlier one under the given key; a null key is never a repeat. */
export function repeatedIndexes<T>(values: readonly T[], key: (value: T) => string | null): number[] {
  const seen = new Set<string>();
  return values.flatMap((value, index) => {
    const k = key(value);
    if (k === null) return [];
    if (seen.has(k)) return [index];
    seen.add(k);
    return [];
  });
}

export function regexProblems(pattern: string, path: string, ctx: CheckContext): ProblemDraft[] {
  const budget = ctx.regexBudget;
  if (budget && budget.remaining <= 0)
    return [{ code: 'too_many_regexes', path, params: { max: budget.max } }];
  if (budget) budget.remaining -= 1;
  const result = checkRegex(pattern);
  if (result.ok) return [];
  if (result.reason === 'too_long') {
    return [{ code: 'regex_too_long', path, params: { max: MAX_REGEX_LENGTH } }];
  }
  if (result.reason === 'unsafe') return [{ code: 'regex_unsafe', path }];
  return [{ code: 'regex_invalid', path, params: { reason: result.detail } }];
}

export function variableProblems(name: string | null, path: string, ctx: CheckContext): ProblemDraft[] {
  if (name === null || ctx.declaredVariables.has(name)) return [];
  return [{ code: 'undeclared_variable', path, params: { name } }];
}

export function formatDuration(totalSeconds: number): string {
  const units: Array<[string, number]> = [
    ['d', 86_400],
    ['h', 3_600],
    ['min', 60],
    ['s', 1],
  ];
  let rest = totalSeconds;
  const parts: string[] = [];
  for (const [unit, size] of units) {
    const amount = Math.floor(rest / size);
    if (amount > 0) parts.push(`${amount}${unit}`);
    rest -= amount * size;
  }
  return parts.slice(0, 2).join(' ') || '0s';
}
