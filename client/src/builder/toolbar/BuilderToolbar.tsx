import { ActionIcon, Box, Divider, Group, Tooltip } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from '../../shared/LanguageSwitch';
import type { FlowMeta } from '../hooks/useFlowMeta';
import { ChangesModal } from '../publish/ChangesModal';
import { PublishButton } from '../publish/PublishButton';
import { PublishStateChip } from '../publish/PublishStateChip';
import { EditButtons } from './EditButtons';
import { FlowTitle } from './FlowTitle';
import { PanelButtons } from './PanelButtons';
import { SaveStateBadge } from './SaveStateBadge';
import styles from './toolbar.module.css';

interface BuilderToolbarProps {
  flowId: string;
  meta: FlowMeta;
  onRename: (name: string) => Promise<void>;
  onPublish: () => void;
  publishing: boolean;
  analyticsAvailable: boolean;
}

export function BuilderToolbar({ flowId, meta, onRename, onPublish, publishing, analyticsAvailable }: BuilderToolbarProps) {
  const { t } = useTranslation();
  const [showChanges, setShowChanges] = useState(false);
  return (
    <header className={styles.toolbar}>
      <Group gap="xs" wrap="nowrap" miw={0}>
        <Tooltip label={t('builder.toolbar.back')}>
          <ActionIcon component={Link} to="/flows" variant="subtle" color="gray" size="lg" aria-label={t('builder.toolbar.back')} data-testid="back-to-flows">
            <IconArrowLeft size={20} />
          </ActionIcon>
        </Tooltip>
        <FlowTitle name={meta.name} onRename={onRename} />
        <PublishStateChip meta={meta} onShowChanges={() => setShowChanges(true)} />
        <SaveStateBadge />
      </Group>
      <Group gap="xs" wrap="nowrap" className={styles.actions}>
        <EditButtons />
        <Divider orientation="vertical" visibleFrom="sm" />
        <PanelButtons analyticsAvailable={analyticsAvailable} />
        <Divider orientation="vertical" visibleFrom="sm" />
        <PublishButton onPublish={onPublish} publishing={publishing} meta={meta} />
        <Box visibleFrom="sm">
          <LanguageSwitch />
        </Box>
      </Group>
      {showChanges && meta.publishedVersionId && (
        <ChangesModal flowId={flowId} versionId={meta.publishedVersionId} version={meta.publishedVersion ?? 1} onClose={() => setShowChanges(false)} />
      )}
    </header>
  );
}
