// The server's refusal of a new campaign pinned to the wizard's fields, worded by code: a name over
// the limit ("No máximo 120 caracteres") and sending hours that start and end at the same time.
import { ApiError, issuePathParts } from '../api/errors';
import { issueMessage } from '../auth/issue-message';

export type FieldMessage = { key: string; values?: Record<string, number> };
export type CampaignFieldErrors = { name?: FieldMessage; windowEnd?: FieldMessage };

export function campaignFieldErrors(err: unknown): CampaignFieldErrors {
  if (!(err instanceof ApiError) || err.code !== 'validation_failed') return {};
  const out: CampaignFieldErrors = {};
  for (const issue of err.issues) {
    const path = issuePathParts(issue.path).join('.');
    if (path === 'name') out.name ??= issueMessage(issue);
    if (path === 'window.end') out.windowEnd ??= issue.reason === 'same_start_end' ? { key: 'campaigns.wizard.windowSame' } : issueMessage(issue);
  }
  return out;
}
