import type { TFunction } from 'i18next';
import { failureCause, isNoAiProvider } from '../../shared/step-failure';
import type { RunLogItem } from './test-api';

/**
 * What the test chat says about the step that failed: a cause the marketer can act on in their own
 * words (an HTTP call's or an AI provider's timeout or status), any other as the server gave it. An
 * AI step with no provider is a sentence of its own: where an admin sets one up.
 */
export function failureText(item: RunLogItem, t: TFunction): string {
  if (isNoAiProvider(item)) return t('stepFailure.noAiProvider');
  return t('builder.test.nodeFailed', { error: failureCause(item, t) ?? item.error });
}
