import { ActionIcon, Button, Divider, Group, Tooltip } from '@mantine/core';
import { IconArrowLeft, IconRocket } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FlowSummary } from '../../flows-list/flows-api';
import { StatusBadge } from '../../flows-list/FlowsTable';
import { LanguageSwitch } from '../../shared/LanguageSwitch';
import { useFlowStore } from '../store/flow-store-context';
import { EditButtons } from './EditButtons';
import { FlowTitle } from './FlowTitle';
import { PanelButtons } from './PanelButtons';
import { SaveStateBadge } from './SaveStateBadge';
import styles from './toolbar.module.css';

export type FlowMeta = Pick<FlowSummary, 'name' | 'status' | 'publishedVersion'>;

interface BuilderToolbarProps {
  meta: FlowMeta;
  onRename: (name: string) => Promise<void>;
  onPublish: () => void;
  publishing: boolean;
  analyticsAvailable: boolean;
}

function PublishButton({ onPublish, publishing }: Pick<BuilderToolbarProps, 'onPublish' | 'publishing'>) {
  const { t } = useTranslation();
  const errors = useFlowStore((s) => s.errorCount);
  return (
    <Tooltip label={errors ? t('builder.publish.blocked', { errors }) : t('builder.publish.hint')} multiline w={220}>
      {/* A wrapper keeps the tooltip working on the disabled button. */}
      <span>
        <Button leftSection={<IconRocket size={16} />} onClick={onPublish} loading={publishing} disabled={errors > 0} data-testid="publish">
          {t('builder.toolbar.publish')}
        </Button>
      </span>
    </Tooltip>
  );
}

export function BuilderToolbar({ meta, onRename, onPublish, publishing, analyticsAvailable }: BuilderToolbarProps) {
  const { t } = useTranslation();
  return (
    <header className={styles.toolbar}>
      <Group gap="xs" wrap="nowrap" miw={0}>
        <Tooltip label={t('builder.toolbar.back')}>
          <ActionIcon component={Link} to="/flows" variant="subtle" color="gray" size="lg" aria-label={t('builder.toolbar.back')} data-testid="back-to-flows">
            <IconArrowLeft size={20} />
          </ActionIcon>
        </Tooltip>
        <FlowTitle name={meta.name} onRename={onRename} />
        <StatusBadge flow={meta} />
        <SaveStateBadge />
      </Group>
      <Group gap="xs" wrap="nowrap">
        <EditButtons />
        <Divider orientation="vertical" />
        <PanelButtons analyticsAvailable={analyticsAvailable} />
        <Divider orientation="vertical" />
        <PublishButton onPublish={onPublish} publishing={publishing} />
        <LanguageSwitch />
      </Group>
    </header>
  );
}
