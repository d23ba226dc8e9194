// The publish state beside the flow name, always honest: "Draft" before the first publish,
// "Published · vN" while the draft is the live version, and "vN live · unpublished changes" (which
// opens the list of changes) as soon as an edit is made.
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
    <Tooltip label={t('builder.changes.open')}>
      <UnstyledButton onClick={onShowChanges} aria-label={t('builder.changes.open')} data-testid="show-changes">
        <Badge color="orange" variant="light" style={{ cursor: 'pointer' }} data-testid="flow-status" data-changed>
          {t('flows.status.changed', { version: meta.publishedVersion ?? 1 })}
        </Badge>
      </UnstyledButton>
    </Tooltip>
  );
}
