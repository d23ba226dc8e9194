import type { TFunction } from 'i18next';
import { failureCause } from '../../shared/step-failure';
import type { RunLogItem } from './test-api';

/**
 * What the test chat says about the step that failed: a cause the marketer can act on in their own
 * words (an HTTP call's timeout or status, an AI step with no provider), any other as the server gave it.
 */
export function failureText(item: RunLogItem, t: TFunction): string {
  if (item.nodeType === 'ai_reply') return failureCause(item, t) ?? t('builder.test.nodeFailed', { error: item.error });
  return t('builder.test.nodeFailed', { error: failureCause(item, t) ?? item.error });
}
