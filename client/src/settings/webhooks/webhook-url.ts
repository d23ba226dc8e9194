// The endpoint address is checked before it is sent, so a common slip ("minha-loja.com/hook", with
// no https://) is named in the user's language; the server's own checks (a private or local
// network) come back as `validation_failed` on the url field and are worded here too.
import type { ParseKeys } from 'i18next';
import { ApiError } from '../../api/errors';
import { typedUrlProblem } from '../typed-url';

/** What is wrong with a typed endpoint address, as a translation key; null when it is a usable http(s) URL. */
export function webhookUrlProblem(raw: string): ParseKeys | null {
  const problem = typedUrlProblem(raw);
  return problem && (problem === 'credentials' ? 'settings.webhooks.urlCredentials' : 'settings.webhooks.urlIncomplete');
}

/** The server refused the address itself (after the checks above: a private, local or reserved network). */
export function isRefusedAddress(err: unknown): boolean {
  if (!(err instanceof ApiError) || err.code !== 'validation_failed') return false;
  if (err.details.reason !== undefined) return err.details.reason === 'blocked_address';
  return err.details.field === 'url' || err.issues.some((i) => String(i.path).endsWith('url'));
}
