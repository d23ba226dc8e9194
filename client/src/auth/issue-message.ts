// A server validation issue in the user's language. The issue's `message` is English, written for
// developers; its `code` and limits (zod's too_big/too_small with maximum/minimum, invalid_format
// with format) pick the words here. Anything else gets a general "not valid", never the English.
import type { ValidationIssue } from '../api/errors';
import type en from '../i18n/en.json';

export type ValidationKey = `validation.${keyof typeof en.validation}`;
export type IssueMessage = { key: ValidationKey; values?: Record<string, number> };

const limit = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

const tooBig = (origin: unknown, max: number): IssueMessage => {
  if (origin === 'string') return { key: 'validation.maxChars', values: { max } };
  if (origin === 'array' || origin === 'set') return { key: 'validation.maxItems', values: { max } };
  return { key: 'validation.maxNumber', values: { max } };
};

const tooSmall = (origin: unknown, min: number): IssueMessage => {
  if (origin === 'string') return min <= 1 ? { key: 'validation.required' } : { key: 'validation.minChars', values: { min } };
  if (origin === 'array' || origin === 'set') return { key: 'validation.minItems', values: { min } };
  return { key: 'validation.minNumber', values: { min } };
};

const FORMATS: Partial<Record<string, ValidationKey>> = { email: 'validation.email', url: 'validation.url' };

export function issueMessage(issue: ValidationIssue): IssueMessage {
  if (issue.reason === 'wrong_password') return { key: 'validation.wrongPassword' };
  if (issue.code === 'too_big' && limit(issue.maximum)) return tooBig(issue.origin, issue.maximum);
  if (issue.code === 'too_small' && limit(issue.minimum)) return tooSmall(issue.origin, issue.minimum);
  if (issue.code === 'invalid_format') return { key: FORMATS[String(issue.format)] ?? 'validation.format' };
  return { key: 'validation.invalid' };
}
