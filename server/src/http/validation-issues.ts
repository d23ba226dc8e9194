// A zod issue as the API reports it. `message` is English for developers; `code` and the limits
// (`maximum`, `minimum`, `format`) let a client word the problem in its user's language.
import type { core } from 'zod';

export type IssueView = {
  path: string;
  message: string;
  code: string;
  origin?: string;
  maximum?: number;
  minimum?: number;
  format?: string;
  /** A rule of our own (a custom issue) named for clients, e.g. same_start_end. */
  reason?: string;
};

const num = (n: number | bigint) => Number(n);

export function issueView(issue: core.$ZodIssue): IssueView {
  const view: IssueView = { path: issue.path.join('.'), message: issue.message, code: issue.code };
  if (issue.code === 'too_big') Object.assign(view, { origin: issue.origin, maximum: num(issue.maximum) });
  if (issue.code === 'too_small') Object.assign(view, { origin: issue.origin, minimum: num(issue.minimum) });
  if (issue.code === 'invalid_format') view.format = issue.format;
  if (issue.code === 'custom' && typeof issue.params?.reason === 'string') view.reason = issue.params.reason;
  // A record's key refused by a rule of our own (an attribute name): the rule's reason, as for a value.
  const keyIssue = issue.code === 'invalid_key' ? issue.issues[0] : undefined;
  if (keyIssue?.code === 'custom' && typeof keyIssue.params?.reason === 'string') view.reason = keyIssue.params.reason;
  return view;
}

/**
 * The issues of one failed parse as the API reports them. Zod also measures a value of the wrong
 * type against the limits of the right one (a string sent where a list of at most 11 goes is "Too
 * big: expected string to have <=11 characters"): where the type is wrong, only that is said.
 */
export function issueViews(issues: readonly core.$ZodIssue[]): IssueView[] {
  const key = (issue: core.$ZodIssue) => issue.path.map(String).join('\u0000');
  const wrongType = new Set(issues.filter((i) => i.code === 'invalid_type').map(key));
  return issues.filter((i) => i.code === 'invalid_type' || !wrongType.has(key(i))).map(issueView);
}
