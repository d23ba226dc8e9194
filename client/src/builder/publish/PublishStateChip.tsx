// The publish state beside the flow name, always honest: "Draft" before the first publish,
// "Published · vN" while the draft is the live version, and "Unpublished changes" (which opens the
// list of changes; its tooltip names the live version) as soon as an edit is made. The chip is never
// cut short: the flow name gives way first.
import { Badge, Tooltip, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../flows-list/FlowsTable';
import type { FlowMeta } from '../hooks/useFlowMeta';
import { useUnpublishedChanges } from './use-unpublished-changes';

export function PublishStateChip({ meta, onShowChanges }: { meta: FlowMeta; onShowChanges: () => void }) {
  const { t } = useTranslation();
  const changed = useUnpublishedChanges(meta);
  if (meta.status !== 'published' || !changed) return <StatusBadge flow={{ ...meta, hasUnpublishedChanges: false }} />;
  return (
    <Tooltip label={t('builder.changes.chipHint', { version: meta.publishedVersion ?? 1 })}>
      <UnstyledButton onClick={onShowChanges} aria-label={t('builder.changes.open')} style={{ flex: 'none' }} data-testid="show-changes">
        <Badge color="orange" variant="light" miw="max-content" style={{ cursor: 'pointer' }} data-testid="flow-status" data-changed>
          {t('flows.status.changedShort')}
        </Badge>
      </UnstyledButton>
    </Tooltip>
  );
}
