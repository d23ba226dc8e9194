// Publish: blocked by errors, pointless (and disabled) when the draft is the live version, and
// with warnings it asks first. While greyed out it says why under it (PublishReason), unless the
// toolbar shows that on a line of its own.
import { Button, Tooltip } from '@mantine/core';
import { IconRocket } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFlowStore, useFlowStoreApi } from '../store/flow-store-context';
import type { FlowMeta } from '../hooks/useFlowMeta';
import { PublishConfirm } from './PublishConfirm';
import { PUBLISH_REASON_ID, PublishReason } from './PublishReason';
import styles from './publish.module.css';
import { useUnpublishedChanges } from './use-unpublished-changes';

interface PublishButtonProps {
  onPublish: () => void;
  publishing: boolean;
  meta: Pick<FlowMeta, 'status' | 'hasUnpublishedChanges' | 'publishedVersion'>;
  /** The reason it is greyed out goes under the button (else the toolbar shows it elsewhere). */
  reasonUnder: boolean;
}

export function PublishButton({ onPublish, publishing, meta, reasonUnder }: PublishButtonProps) {
  const { t } = useTranslation();
  const changed = useUnpublishedChanges(meta);
  const store = useFlowStoreApi();
  const errors = useFlowStore((s) => s.errorCount);
  const [confirming, setConfirming] = useState(false);
  const blocked = errors > 0 || !changed;
  const hint = errors
    ? t('builder.publish.blocked', { count: errors })
    : !changed
      ? t('builder.publish.nothingToPublish', { version: meta.publishedVersion ?? 1 })
      : t('builder.publish.hint');
  const click = () => {
    const warnings = store.getState().problems.some((p) => p.severity === 'warning');
    if (warnings) setConfirming(true);
    else onPublish();
  };
  return (
    <>
      <Tooltip label={hint} multiline w={240}>
        {/* A wrapper keeps the tooltip working on the disabled button. */}
        <span className={styles.stack}>
          <Button leftSection={<IconRocket size={16} />} onClick={click} loading={publishing} disabled={blocked} aria-describedby={blocked ? PUBLISH_REASON_ID : undefined} data-testid="publish">
            {t('builder.toolbar.publish')}
          </Button>
          {reasonUnder && <PublishReason meta={meta} className={styles.reason} under />}
        </span>
      </Tooltip>
      {confirming && (
        <PublishConfirm
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            onPublish();
          }}
        />
      )}
    </>
  );
}
