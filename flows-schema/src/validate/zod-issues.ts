import type { z } from 'zod';
import { localized, type Localized } from '../localized';
import type { ProblemDraft } from './problems';

const TYPE_NAMES: Record<string, Localized> = {
  string: localized('text', 'um texto'),
  number: localized('a number', 'um número'),
  int: localized('a whole number', 'um número inteiro'),
  boolean: localized('true or false', 'verdadeiro ou falso'),
  array: localized('a list', 'uma lista'),
  object: localized('an object', 'um objeto'),
  null: localized('null', 'nulo'),
};

export function typeName(expected: string): Localized {
  return TYPE_NAMES[expected] ?? localized(expected, expected);
}

function limit(origin: string, value: number | bigint): Localized {
  if (origin === 'string') return localized(`${value} characters`, `${value} caracteres`);
  if (origin === 'array') return localized(`${value} items`, `${value} itens`);
  return localized(String(value), String(value));
}

function joinPath(prefix: string, path: readonly PropertyKey[]): string {
  return [prefix, ...path.map(String)].filter((part) => part !== '').join('.');
}

/** Issues must come from a parse with reportInput: true, so a missing field can be told from a wrong one. */
export function issueToDraft(issue: z.core.$ZodIssue, prefix: string): ProblemDraft {
  const path = joinPath(prefix, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return { code: 'required_field', path };
      return { code: 'invalid_type', path, params: { expected: typeName(issue.expected) } };
    case 'invalid_value':
      return {
        code: 'invalid_value',
        path,
        params: { values: issue.values.map((v) => JSON.stringify(v)).join(', ') },
      };
    case 'invalid_format':
      return { code: 'invalid_format', path };
    case 'too_small':
      return { code: 'too_small', path, params: { limit: limit(issue.origin, issue.minimum) } };
    case 'too_big':
      return { code: 'too_big', path, params: { limit: limit(issue.origin, issue.maximum) } };
    default:
      return { code: 'invalid_input', path };
  }
}

export function issuesToDrafts(
  error: z.ZodError,
  prefix: string,
  ids: Pick<ProblemDraft, 'nodeId' | 'edgeId'> = {},
) {
  return error.issues.map((issue) => ({ ...issueToDraft(issue, prefix), ...ids }));
}
