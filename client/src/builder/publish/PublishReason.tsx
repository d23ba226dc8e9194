// Why Publish is greyed out, as words a marketer sees without hovering: under the button, or on a
// line of its own when the toolbar is folded in two rows (a phone), where the button may be a
// swipe away. Nothing while Publish can be pressed.
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FlowMeta } from '../hooks/useFlowMeta';
import { useFlowStore } from '../store/flow-store-context';
import { publishReason } from './publish-reason';
import { useUnpublishedChanges } from './use-unpublished-changes';

export const PUBLISH_REASON_ID = 'publish-reason';

type Props = { meta: Pick<FlowMeta, 'status' | 'hasUnpublishedChanges'>; className: string; under: boolean };

export function PublishReason({ meta, className, under }: Props) {
  const { t } = useTranslation();
  const reason = publishReason(useFlowStore((s) => s.errorCount), useUnpublishedChanges(meta));
  if (!reason) return null;
  const errors = reason.key === 'builder.publish.reasonErrors';
  return (
    <Text id={PUBLISH_REASON_ID} className={className} fz={under ? 11 : 12} lh={under ? '13px' : '16px'} c={errors ? 'red.8' : 'dimmed'} data-testid="publish-reason">
      {errors ? t(reason.key, { count: reason.count }) : t(reason.key)}
    </Text>
  );
}
