// Every problem of the flow, errors first; clicking one selects and centers its node (or the
// source node of a bad connection; flow-level ones open the flow settings). Docked beside the
// canvas rather than a drawer, so the toolbar (Publish) and the canvas stay usable.
import { ActionIcon, Badge, Group, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconAlertCircle, IconAlertTriangle, IconCircleCheck, IconX } from '@tabler/icons-react';
import { anyNodeDefinition, type Problem } from '@zyntra/flows-schema';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFlowStore, useFlowStoreApi } from '../store/flow-store-context';
import { useLocale } from '../use-locale';
import panelStyles from '../panels/side-panel.module.css';
import styles from './problems.module.css';
import { useFocusNode } from './use-focus-node';

const bySeverity = (a: Problem, b: Problem) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1);

function ProblemItem({ problem, onOpen }: { problem: Problem; onOpen: (p: Problem) => void }) {
  const locale = useLocale();
  const { t } = useTranslation();
  const nodeId = useFlowStore((s) => problem.nodeId ?? s.edges.find((e) => e.id === problem.edgeId)?.source);
  const type = useFlowStore((s) => s.nodes.find((n) => n.id === nodeId)?.data.type);
  const error = problem.severity === 'error';
  const Icon = error ? IconAlertCircle : IconAlertTriangle;
  const where = type ? anyNodeDefinition(type).label[locale] : problem.edgeId ? t('builder.problems.connection') : t('builder.problems.flow');
  return (
    <UnstyledButton className={styles.item} onClick={() => onOpen(problem)} data-testid="problem-item" data-node-id={nodeId}>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Icon size={18} color={`var(--mantine-color-${error ? 'red-6' : 'orange-6'})`} style={{ flex: 'none', marginTop: 2 }} />
        <div>
          <Text size="sm">{problem.message[locale]}</Text>
          <Text size="xs" c="dimmed">
            {where}
          </Text>
        </div>
      </Group>
    </UnstyledButton>
  );
}

export function ProblemsPanel() {
  const { t } = useTranslation();
  const store = useFlowStoreApi();
  const opened = useFlowStore((s) => s.drawer === 'problems');
  const problems = useFlowStore((s) => s.problems);
  const sorted = useMemo(() => [...problems].sort(bySeverity), [problems]);
  const focusNode = useFocusNode();
  const errors = useFlowStore((s) => s.errorCount);

  const open = (p: Problem) => {
    const nodeId = p.nodeId ?? store.getState().edges.find((e) => e.id === p.edgeId)?.source;
    if (nodeId) focusNode(nodeId);
    else if (p.path.startsWith('settings')) store.getState().setDrawer('settings');
  };

  if (!opened) return null;
  return (
    <aside className={panelStyles.panel} data-testid="problems-panel">
      <Group className={panelStyles.header} justify="space-between" wrap="nowrap">
        <Group gap="xs">
          <Text fw={600}>{t('builder.problems.title')}</Text>
          <Badge color={errors ? 'red' : 'orange'} variant="light">
            {problems.length}
          </Badge>
        </Group>
        <ActionIcon variant="subtle" color="gray" onClick={() => store.getState().setDrawer(null)} aria-label={t('builder.panel.close')}>
          <IconX size={18} />
        </ActionIcon>
      </Group>
      <ScrollArea className={panelStyles.body} type="auto">
        {sorted.length === 0 ? (
          <Stack align="center" py="xl" px="md" gap="xs">
            <IconCircleCheck size={40} color="var(--mantine-color-teal-6)" />
            <Text c="dimmed" ta="center">
              {t('builder.problems.none')}
            </Text>
          </Stack>
        ) : (
          <Stack gap={2} p="xs">
            {sorted.map((p, i) => (
              <ProblemItem key={`${p.code}-${p.nodeId ?? p.edgeId ?? ''}-${p.path}-${i}`} problem={p} onOpen={open} />
            ))}
          </Stack>
        )}
      </ScrollArea>
    </aside>
  );
}
