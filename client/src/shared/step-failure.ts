// Why a step failed, in the reader's language, from the run log's outcome: the HTTP request step
// names its cause (http_timeout, http_status…), and an AI reply step with no provider says where one
// is set up. Null when there are no words here for it: the server's own reason is shown then.
import { NO_AI_PROVIDER } from '@zyntra/flows-schema';
import type { TFunction } from 'i18next';

const HTTP_CAUSES = [
  'http_status', 'http_timeout', 'http_network', 'http_blocked_address', 'http_too_large', 'http_redirect',
  'http_bad_url', 'http_bad_request', 'http_not_json', 'http_bad_body',
] as const;
type HttpCause = (typeof HTTP_CAUSES)[number];
const isHttpCause = (outcome: string): outcome is HttpCause => (HTTP_CAUSES as readonly string[]).includes(outcome);

export type FailedStep = { nodeType: string; outcome: string; error?: string | null };

export function failureCause(item: FailedStep, t: TFunction): string | null {
  if (item.nodeType === 'ai_reply' && item.error === NO_AI_PROVIDER) return t('stepFailure.noAiProvider');
  if (item.nodeType !== 'http_request' || !isHttpCause(item.outcome)) return null;
  const status = /HTTP (\d{3})/.exec(item.error ?? '')?.[1] ?? '';
  return t(`stepFailure.${item.outcome}`, { status });
}
