// What the live check of a template draft found, in the user's language. The rules flows-schema
// words itself have their own texts (templates.rules.*); zod's built-in issues ("Too big: expected
// string to have <=512 characters") are worded by code and limit, like the server's.
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { ValidationIssue } from '../api/errors';
import { issueMessage } from '../auth/issue-message';
import { ruleKey } from './template-draft';

type ZodIssue = z.core.$ZodIssue;
/** What t answers for a rule without its own text (an empty default would count as missing). */
const UNWORDED = '\u0000';

/** A zod issue as the server reports one: its code, and for a length its origin and limit. */
function asReported(issue: ZodIssue) {
  const base = { path: issue.path.map(String), message: issue.message, code: issue.code };
  if (issue.code === 'too_big') return { ...base, origin: issue.origin, maximum: Number(issue.maximum) };
  if (issue.code === 'too_small') return { ...base, origin: issue.origin, minimum: Number(issue.minimum) };
  return base;
}

/** An issue as the server reports it (or as the live check finds it, once reported alike). */
export function reportedIssueText(t: TFunction, issue: ValidationIssue): string {
  const rule = t(`templates.rules.${ruleKey(issue.message)}` as never, { defaultValue: UNWORDED });
  if (rule !== UNWORDED) return rule;
  const m = issueMessage(issue);
  return t(m.key, m.values ?? {});
}

export const templateIssueText = (t: TFunction, issue: ZodIssue): string => reportedIssueText(t, asReported(issue));

/** Each problem once, in the order found. */
export const templateIssueTexts = (t: TFunction, issues: readonly ZodIssue[]) => [...new Set(issues.map((i) => templateIssueText(t, i)))];
