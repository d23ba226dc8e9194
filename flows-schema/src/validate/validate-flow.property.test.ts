import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validFlow } from '../testing/valid-flow-arbitrary';
import { hasErrors } from './problems';
import { validateFlow } from './validate-flow';

/** Replaces (or deletes) one value somewhere inside a JSON document, chosen by `picks`. */
function mutate(doc: unknown, picks: number[], replacement: unknown, remove: boolean): unknown {
  const root = JSON.parse(JSON.stringify(doc)) as unknown;
  let parent: Record<string, unknown> | unknown[] | null = null;
  let key: string | number = '';
  let current: unknown = root;
  for (const pickIndex of picks) {
    if (typeof current !== 'object' || current === null) break;
    const keys: Array<string | number> = Array.isArray(current)
      ? current.map((_, i) => i)
      : Object.keys(current);
    if (keys.length === 0) break;
    parent = current as Record<string, unknown>;
    key = keys[pickIndex % keys.length] ?? '';
    current = (parent as Record<string | number, unknown>)[key];
  }
  if (parent === null) return replacement;
  if (remove && !Array.isArray(parent)) delete parent[key as string];
  else (parent as Record<string | number, unknown>)[key] = replacement;
  return root;
}

function expectWellFormed(problems: unknown): void {
  expect(Array.isArray(problems)).toBe(true);
  for (const problem of problems as Array<Record<string, unknown>>) {
    expect(problem.code).not.toBe('internal_error');
    expect(typeof problem.path).toBe('string');
    expect(problem.message).toEqual({ en: expect.any(String), 'pt-BR': expect.any(String) });
  }
}

describe('validateFlow properties', () => {
  it('when given any value at all, then it returns problems and never throws', () => {
    const anything = fc.anything({
      withBoxedValues: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withSparseArray: true,
      withBigInt: true,
      withDate: true,
      withTypedArray: true,
    });
    fc.assert(fc.property(anything, (value) => expectWellFormed(validateFlow(value))));
  });

  it('when given any JSON value, then it returns well-formed problems', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => expectWellFormed(validateFlow(value))));
  });
});

// Generating 200 whole flows takes ~3 s on a quiet machine: more than the 5 s default on a busy one.
describe('validateFlow properties: generated flows', { timeout: 30_000 }, () => {
  it('when a valid flow has one value replaced or removed anywhere, then it still never throws', () => {
    const mutation = fc.tuple(
      validFlow,
      fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
      fc.jsonValue({ maxDepth: 2 }),
      fc.boolean(),
    );
    fc.assert(
      fc.property(mutation, ([doc, picks, replacement, remove]) =>
        expectWellFormed(validateFlow(mutate(doc, picks, replacement, remove))),
      ),
      { numRuns: 200 },
    );
  });

  it('when a flow is generated valid, then validateFlow finds no errors', () => {
    fc.assert(
      fc.property(validFlow, (doc) => {
        const errors = validateFlow(doc).filter((p) => p.severity === 'error');
        expect(errors).toEqual([]);
        expect(hasErrors(errors)).toBe(false);
      }),
    );
  });
});
