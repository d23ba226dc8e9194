// Route /flows/:id. Loads the flow and gives this editor instance its own store (a new store per
// flow id, so switching flows never mixes undo history or selection).
import { Button, Center, EmptyState, Loader } from '@mantine/core';
import { ReactFlowProvider } from '@xyflow/react';
import { IconMoodSad } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/errors';
import { flowsApi, type FlowDetail } from '../flows-list/flows-api';
import { FlowEditor } from './FlowEditor';
import { createFlowStore, type FlowStore } from './store/create-flow-store';
import { FlowStoreContext } from './store/flow-store-context';

type Loaded = { status: 'loading' } | { status: 'missing' | 'error' } | { status: 'ready'; flow: FlowDetail; store: FlowStore };

export function BuilderPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [state, setState] = useState<Loaded>({ status: 'loading' });

  useEffect(() => {
    const ctrl = new AbortController();
    setState({ status: 'loading' });
    flowsApi.get(id, ctrl.signal).then(
      (flow) => setState({ status: 'ready', flow, store: createFlowStore(flow.document) }),
      (err: unknown) => {
        if (err instanceof DOMException && err.name === 'AbortError') return;
        setState({ status: err instanceof ApiError && err.status === 404 ? 'missing' : 'error' });
      },
    );
    return () => ctrl.abort();
  }, [id]);

  if (state.status === 'loading') {
    return (
      <Center h="100dvh">
        <Loader data-testid="builder-loading" />
      </Center>
    );
  }
  if (state.status !== 'ready') {
    return (
      <Center h="100dvh">
        <EmptyState variant="light" color="red" size="lg" icon={<IconMoodSad />} title={t(state.status === 'missing' ? 'builder.notFound' : 'builder.loadError')}>
          <EmptyState.Actions>
            <Button component={Link} to="/flows">
              {t('builder.toolbar.back')}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      </Center>
    );
  }
  return (
    <FlowStoreContext value={state.store}>
      <ReactFlowProvider>
        <FlowEditor key={state.flow.id} flow={state.flow} />
      </ReactFlowProvider>
    </FlowStoreContext>
  );
}
