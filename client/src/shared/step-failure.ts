// Why a step failed, in the reader's language, from the run log's outcome: the HTTP request step
// names its cause (http_timeout, http_status…), as the AI reply step does (ai_timeout, ai_status…;
// an older row says "no provider" only in its error). Null when there are no words here for it: the
// server's own reason is shown then.
import { AI_FAILURE_CAUSES, NO_AI_PROVIDER } from '@zyntra/flows-schema';
import type { TFunction } from 'i18next';

const HTTP_CAUSES = [
  'http_status', 'http_timeout', 'http_network', 'http_blocked_address', 'http_too_large', 'http_redirect',
  'http_bad_url', 'http_bad_request', 'http_not_json', 'http_bad_body',
] as const;
type HttpCause = (typeof HTTP_CAUSES)[number];
const isHttpCause = (outcome: string): outcome is HttpCause => (HTTP_CAUSES as readonly string[]).includes(outcome);
const isAiCause = (outcome: string): boolean => AI_FAILURE_CAUSES.some((c) => outcome === `ai_${c}`);

export type FailedStep = { nodeType: string; outcome: string; error?: string | null };

/** A whole sentence of its own (where an admin sets a provider up), not a cause to follow "A step failed:". */
export const isNoAiProvider = (item: FailedStep): boolean =>
  item.nodeType === 'ai_reply' && (item.outcome === 'ai_no_provider' || item.error === NO_AI_PROVIDER);

/** The provider's status in words that say what to check: the key, the model, the rate limit, or their side. */
function aiStatusKey(status: number): string {
  if (status === 401 || status === 403) return 'stepFailure.ai_status_key';
  if (status === 404) return 'stepFailure.ai_status_model';
  if (status === 429) return 'stepFailure.ai_status_rate';
  return status >= 500 ? 'stepFailure.ai_status_provider' : 'stepFailure.ai_status';
}

export function failureCause(item: FailedStep, t: TFunction): string | null {
  if (isNoAiProvider(item)) return t('stepFailure.noAiProvider');
  const status = /HTTP (\d{3})/.exec(item.error ?? '')?.[1] ?? '';
  if (item.nodeType === 'ai_reply' && isAiCause(item.outcome)) {
    return (t as (k: string, o: object) => string)(item.outcome === 'ai_status' ? aiStatusKey(Number(status)) : `stepFailure.${item.outcome}`, { status });
  }
  if (item.nodeType !== 'http_request' || !isHttpCause(item.outcome)) return null;
  return t(`stepFailure.${item.outcome}`, { status });
}
