// "What changed since the live version": steps added, removed, edited, renamed; connections made
// or removed; settings touched. Clicking a step closes the list and shows it on the canvas.
import { Alert, Badge, Group, Loader, Modal, Stack, Text, UnstyledButton } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { flowsApi } from '../../flows-list/flows-api';
import { stepTitle } from '../finder/search-steps';
import { useFocusNode } from '../problems/use-focus-node';
import { useFlowStoreApi } from '../store/flow-store-context';
import { useLocale } from '../../i18n/use-locale';
import { diffFlows, isEmptyDiff, type FlowDiff, type StepChange } from './flow-diff';

const KIND_COLOR: Record<StepChange['kind'], string> = { added: 'teal', removed: 'red', edited: 'blue', renamed: 'gray' };
const SETTING_LABEL = { variables: 'builder.settings.variables', sessionTimeoutMinutes: 'builder.settings.sessionTimeout', restartKeywords: 'builder.settings.restartKeywords', exitKeywords: 'builder.settings.exitKeywords' } as const;

function DiffList({ diff, onOpen }: { diff: FlowDiff; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const store = useFlowStoreApi();
  const titleOf = (id: string) => {
    const node = store.getState().nodes.find((n) => n.id === id) ?? diff.steps.find((s) => s.node.id === id)?.node;
    return node ? stepTitle(node, locale) : id;
  };
  if (isEmptyDiff(diff)) return <Text c="dimmed">{t('builder.changes.none')}</Text>;
  return (
    <Stack gap="sm" data-testid="changes-list">
      {diff.steps.length > 0 && <Text size="xs" fw={700} tt="uppercase" c="dimmed">{t('builder.changes.steps')}</Text>}
      {diff.steps.map((s) => (
        <UnstyledButton key={`${s.kind}-${s.node.id}`} disabled={s.kind === 'removed'} onClick={() => onOpen(s.node.id)} data-testid="change-step" data-kind={s.kind}>
          <Group gap="xs" wrap="nowrap">
            <Badge size="sm" variant="light" color={KIND_COLOR[s.kind]} w={96}>{t(`builder.changes.${s.kind}`)}</Badge>
            <Text size="sm" truncate>{stepTitle(s.node, locale)}</Text>
          </Group>
        </UnstyledButton>
      ))}
      {diff.moved > 0 && <Text size="sm" c="dimmed">{t('builder.changes.moved', { count: diff.moved })}</Text>}
      {diff.connections.length > 0 && <Text size="xs" fw={700} tt="uppercase" c="dimmed">{t('builder.changes.connections')}</Text>}
      {diff.connections.map((c) => (
        <Text key={`${c.kind}-${c.edge.id}-${c.edge.target}`} size="sm" data-testid="change-connection">
          {t(c.kind === 'added' ? 'builder.changes.connectionAdded' : 'builder.changes.connectionRemoved', { from: titleOf(c.edge.source), to: titleOf(c.edge.target) })}
        </Text>
      ))}
      {diff.settings.length > 0 && (
        <Text size="sm">{t('builder.changes.settings', { names: diff.settings.map((k) => (k in SETTING_LABEL ? t(SETTING_LABEL[k as keyof typeof SETTING_LABEL]) : k)).join(', ') })}</Text>
      )}
    </Stack>
  );
}

interface ChangesModalProps {
  flowId: string;
  versionId: string;
  version: number;
  onClose: () => void;
}

export function ChangesModal({ flowId, versionId, version, onClose }: ChangesModalProps) {
  const { t } = useTranslation();
  const store = useFlowStoreApi();
  const focusNode = useFocusNode();
  const [live, setLive] = useState<{ document: unknown } | 'error' | null>(null);
  useEffect(() => {
    const ctrl = new AbortController();
    flowsApi.version(flowId, versionId, ctrl.signal).then(setLive, (err: unknown) => {
      if (!(err instanceof DOMException && err.name === 'AbortError')) setLive('error');
    });
    return () => ctrl.abort();
  }, [flowId, versionId]);
  const diff = useMemo(() => (live && live !== 'error' ? diffFlows(live.document, store.getState()) : null), [live, store]);
  return (
    <Modal opened onClose={onClose} title={t('builder.changes.title', { version })} size="lg" data-testid="changes-modal">
      {live === null && (
        <Group gap="xs">
          <Loader size="sm" />
          <Text size="sm">{t('builder.changes.loading')}</Text>
        </Group>
      )}
      {live === 'error' && <Alert color="red">{t('builder.changes.loadError')}</Alert>}
      {diff && (
        <DiffList
          diff={diff}
          onOpen={(id) => {
            onClose();
            focusNode(id);
          }}
        />
      )}
    </Modal>
  );
}
