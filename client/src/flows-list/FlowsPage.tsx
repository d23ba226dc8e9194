import { Alert, Button, EmptyState, FileButton, Group, Paper, Skeleton, Stack, Title } from '@mantine/core';
import { IconFileImport, IconPlus, IconSitemap } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { FlowSummary } from './flows-api';
import { GettingStarted } from '../getting-started/GettingStarted';
import { FlowsTable } from './FlowsTable';
import { NameModal } from './NameModal';
import { notifyError } from './notify';
import { useFlowsList } from './use-flows-list';
import { useImportFlow, useRowActions } from './use-row-actions';

type Naming = { mode: 'create' } | { mode: 'rename'; flow: FlowSummary } | null;

function LoadingRows() {
  return (
    <Stack gap="sm" data-testid="flows-loading">
      {[0, 1, 2].map((i) => (
        <Skeleton key={i} h={44} radius="sm" />
      ))}
    </Stack>
  );
}

export function FlowsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { state, retry, actions } = useFlowsList();
  const [naming, setNaming] = useState<Naming>(null);

  const onImport = useImportFlow(actions);
  const rowActions = useRowActions(actions, (flow) => setNaming({ mode: 'rename', flow }));

  const submitName = async (name: string) => {
    try {
      if (naming?.mode === 'rename') await actions.rename(naming.flow, name);
      else navigate(`/flows/${(await actions.create(name)).id}`);
      setNaming(null);
    } catch (err) {
      notifyError(t, err);
    }
  };

  const empty = state.status === 'ready' && state.flows.length === 0;
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={2}>{t('nav.flows')}</Title>
        <Group gap="sm">
          <FileButton onChange={(f) => void onImport(f)} accept="application/json,.json">
            {(props) => (
              <Button {...props} variant="default" leftSection={<IconFileImport size={18} />} data-testid="import-flow">
                {t('flows.import')}
              </Button>
            )}
          </FileButton>
          {!empty && (
            <Button leftSection={<IconPlus size={18} />} onClick={() => setNaming({ mode: 'create' })} data-testid="new-flow">
              {t('flows.newFlow')}
            </Button>
          )}
        </Group>
      </Group>
      <GettingStarted onNewFlow={() => setNaming({ mode: 'create' })} />
      {state.status === 'loading' && <LoadingRows />}
      {state.status === 'error' && (
        <Alert color="red" title={t('flows.loadError')}>
          <Button size="xs" variant="light" color="red" onClick={retry}>
            {t('flows.retry')}
          </Button>
        </Alert>
      )}
      {empty && (
        <EmptyState variant="light" size="lg" icon={<IconSitemap />} title={t('flows.emptyTitle')} description={t('flows.emptyDescription')} py="xl">
          <EmptyState.Actions>
            <Button leftSection={<IconPlus size={18} />} onClick={() => setNaming({ mode: 'create' })} data-testid="create-first-flow">
              {t('flows.createFirst')}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      )}
      {state.status === 'ready' && !empty && (
        <Paper withBorder radius="md" p="xs">
          <FlowsTable flows={state.flows} actions={rowActions} />
        </Paper>
      )}
      <NameModal
        opened={naming !== null}
        title={naming?.mode === 'rename' ? t('flows.renameTitle') : t('flows.createTitle')}
        submitLabel={naming?.mode === 'rename' ? t('flows.save') : t('flows.create')}
        initialName={naming?.mode === 'rename' ? naming.flow.name : t('flows.defaultName')}
        onClose={() => setNaming(null)}
        onSubmit={submitName}
      />
    </Stack>
  );
}
