import { NO_AI_PROVIDER } from '@zyntra/flows-schema';
import type { TFunction } from 'i18next';
import type { RunLogItem } from './test-api';

/**
 * What the test chat says about the step that failed: a cause the marketer can act on in their own
 * words (an AI step with no provider says where one is set up), any other as the server gave it.
 */
export function failureText(item: RunLogItem, t: TFunction): string {
  if (item.nodeType === 'ai_reply' && item.error === NO_AI_PROVIDER) return t('builder.test.noAiProvider');
  return t('builder.test.nodeFailed', { error: item.error });
}
