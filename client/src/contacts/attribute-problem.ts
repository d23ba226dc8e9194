// An attribute the server refused on save (a value too long, a reserved name), named by its key so
// the drawer can say which one among the rows, in the user's language.
import { ApiError, issuePathParts } from '../api/errors';
import { issueMessage, type IssueMessage } from '../auth/issue-message';

export type AttributeProblem = { key: string; problem: IssueMessage };

export function attributeProblem(err: unknown): AttributeProblem | null {
  if (!(err instanceof ApiError) || err.code !== 'validation_failed') return null;
  for (const issue of err.issues) {
    const [head, key] = issuePathParts(issue.path);
    if (head === 'attributes' && key) return { key, problem: issueMessage(issue) };
  }
  return null;
}
