import { ActionIcon, Box, Divider, Group, Tooltip } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from '../../shared/LanguageSwitch';
import type { FlowMeta } from '../hooks/useFlowMeta';
import { ChangesModal } from '../publish/ChangesModal';
import { PublishButton } from '../publish/PublishButton';
import { PublishReason } from '../publish/PublishReason';
import { useBelow } from '../../shared/use-below';
import { PublishStateChip } from '../publish/PublishStateChip';
import { EditButtons } from './EditButtons';
import { FlowTitle } from './FlowTitle';
import { PanelButtons } from './PanelButtons';
import { SaveStateBadge } from './SaveStateBadge';
import styles from './toolbar.module.css';
import { useToolbarDensity } from './use-toolbar-density';

interface BuilderToolbarProps {
  flowId: string;
  meta: FlowMeta;
  onRename: (name: string) => Promise<void>;
  onPublish: () => void;
  publishing: boolean;
  analyticsAvailable: boolean;
}

export function BuilderToolbar({ flowId, meta, onRename, onPublish, publishing, analyticsAvailable }: BuilderToolbarProps) {
  const { t, i18n } = useTranslation();
  const [showChanges, setShowChanges] = useState(false);
  const { toolbarRef, leadRef, chipRef, actionsRef, look } = useToolbarDensity(`${i18n.resolvedLanguage}|${analyticsAvailable}`);
  // Buttons on a row of their own scroll sideways: why Publish is greyed out gets a line below them.
  const folded = useBelow('sm') || look.twoRows;
  return (
    <header ref={toolbarRef} className={look.twoRows ? `${styles.toolbar} ${styles.twoRows}` : styles.toolbar}>
      <Group ref={leadRef} gap="xs" wrap="nowrap" className={styles.lead}>
        <Tooltip label={t('builder.toolbar.back')}>
          <ActionIcon component={Link} to="/flows" variant="subtle" color="gray" size="lg" aria-label={t('builder.toolbar.back')} data-testid="back-to-flows">
            <IconArrowLeft size={20} />
          </ActionIcon>
        </Tooltip>
        <FlowTitle name={meta.name} onRename={onRename} />
        <div ref={chipRef} className={styles.chip}>
          <PublishStateChip meta={meta} onShowChanges={() => setShowChanges(true)} />
        </div>
        <SaveStateBadge words={look.savedWords} />
      </Group>
      <Group ref={actionsRef} gap="xs" wrap="nowrap" className={styles.actions}>
        <EditButtons fitView={look.fitView} />
        {look.dividers && <Divider orientation="vertical" visibleFrom="sm" />}
        <div className={styles.panels}>
          <PanelButtons analyticsAvailable={analyticsAvailable} labels={look.labels} />
        </div>
        {look.dividers && <Divider orientation="vertical" visibleFrom="sm" />}
        <div className={styles.publish}>
          <PublishButton onPublish={onPublish} publishing={publishing} meta={meta} reasonUnder={!folded} />
        </div>
        {look.language !== 'none' && (
          <Box visibleFrom="sm">
            <LanguageSwitch short={look.language === 'code'} />
          </Box>
        )}
      </Group>
      {folded && <PublishReason meta={meta} className={styles.reasonRow} under={false} />}
      {showChanges && meta.publishedVersionId && (
        <ChangesModal flowId={flowId} versionId={meta.publishedVersionId} version={meta.publishedVersion ?? 1} onClose={() => setShowChanges(false)} />
      )}
    </header>
  );
}
