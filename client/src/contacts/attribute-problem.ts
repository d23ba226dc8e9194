// An attribute the server refused on save (a value too long, a name with a space), named by its key
// so the drawer can say which one among the rows, in the user's language, and whether the name or
// the value is wrong: "data de nascimento" is refused for its name, and saying "this value is not
// valid" sent people to change a good value.
import { attributeNameProblem, type AttributeNameProblem } from '@zyntra/flows-schema';
import { ApiError, issuePathParts } from '../api/errors';
import { issueMessage, type IssueMessage } from '../auth/issue-message';

export type AttributeProblem = { key: string; on: 'value'; problem: IssueMessage } | { key: string; on: 'name'; name: AttributeNameProblem };

const onName = (key: string): AttributeProblem => ({ key, on: 'name', name: attributeNameProblem(key) ?? 'characters' });

export function attributeProblem(err: unknown): AttributeProblem | null {
  if (!(err instanceof ApiError) || err.code !== 'validation_failed') return null;
  for (const issue of err.issues) {
    // A name may hold dots ("pedido.ultimo"): the key is all the path after "attributes".
    const [head, ...rest] = issuePathParts(issue.path);
    const key = rest.join('.');
    if (head !== 'attributes' || !key) continue;
    return issue.reason === 'attribute_name' || issue.code === 'invalid_key' ? onName(key) : { key, on: 'value', problem: issueMessage(issue) };
  }
  return null;
}

/** The first attribute name typed that the server would refuse (the same rule, from flows-schema), checked before saving. */
export function attributeNameProblemOf(keys: string[]): AttributeProblem | null {
  const bad = keys.find((k) => k !== '' && attributeNameProblem(k) !== null);
  return bad === undefined ? null : onName(bad);
}
