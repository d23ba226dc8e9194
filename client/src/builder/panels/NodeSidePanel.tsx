// The editor for the one selected node: header from the registry, the node's live problems, then
// the type's own panel looked up in the `panels` map.
import { ActionIcon, Alert, Group, List, ScrollArea, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconCopy, IconTrash, IconX } from '@tabler/icons-react';
import { anyNodeDefinition, hasErrors } from '@zyntra/flows-schema';
import { useTranslation } from 'react-i18next';
import { nodeColor, nodeIcon } from '../node-look';
import { useFlowStore, useFlowStoreApi, usePanelNodeId } from '../store/flow-store-context';
import { useLocale } from '../../i18n/use-locale';
import { panels } from './index';
import styles from './side-panel.module.css';
import { StepNameInput } from './StepNameInput';

function NodeProblems({ nodeId }: { nodeId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const problems = useFlowStore((s) => s.problemsByNode[nodeId]);
  if (!problems) return null;
  return (
    <Alert color={hasErrors(problems) ? 'red' : 'orange'} p="xs" title={t('builder.problems.onNode', { count: problems.length })} data-testid="panel-problems">
      <List size="xs" spacing={2}>
        {problems.map((p, i) => (
          <List.Item key={i}>{p.message[locale]}</List.Item>
        ))}
      </List>
    </Alert>
  );
}

export function NodeSidePanel() {
  const { t } = useTranslation();
  const locale = useLocale();
  const store = useFlowStoreApi();
  const nodeId = usePanelNodeId();
  const type = useFlowStore((s) => (nodeId ? s.nodes.find((n) => n.id === nodeId)?.data.type : undefined));
  if (!nodeId || !type) return null;
  const def = anyNodeDefinition(type);
  const Icon = nodeIcon(type);
  const Panel = panels[type];
  return (
    // data-flow-history: Ctrl+Z in these fields undoes the whole edit through the editor's history;
    // leaving a field ends the edit, so the next one is a separate undo step.
    <aside className={styles.panel} data-testid="node-panel" data-node-id={nodeId} data-flow-history onBlur={() => store.getState().endEdit()}>
      <Group className={styles.header} justify="space-between" wrap="nowrap" gap="xs">
        <Group gap="xs" wrap="nowrap" miw={0} style={{ flex: 1 }}>
          <ThemeIcon color={nodeColor(type)} variant="light" size="lg">
            <Icon size={20} />
          </ThemeIcon>
          <div style={{ minWidth: 0, flex: 1 }}>
            <StepNameInput key={nodeId} nodeId={nodeId} typeLabel={def.label[locale]} />
            <Text size="xs" c="dimmed" lineClamp={2}>
              {def.description[locale]}
            </Text>
          </div>
        </Group>
        <Group gap={2} wrap="nowrap">
          <Tooltip label={t('builder.panel.duplicate')}>
            <ActionIcon variant="subtle" color="gray" onClick={() => store.getState().duplicateSelected()} aria-label={t('builder.panel.duplicate')}>
              <IconCopy size={18} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('builder.panel.delete')}>
            <ActionIcon variant="subtle" color="red" onClick={() => store.getState().removeSelected()} aria-label={t('builder.panel.delete')} data-testid="panel-delete">
              <IconTrash size={18} />
            </ActionIcon>
          </Tooltip>
          <ActionIcon variant="subtle" color="gray" onClick={() => store.getState().selectNodes([])} aria-label={t('builder.panel.close')} data-testid="panel-close">
            <IconX size={18} />
          </ActionIcon>
        </Group>
      </Group>
      <ScrollArea className={styles.body} type="auto">
        <Stack gap="md" p="md">
          <NodeProblems nodeId={nodeId} />
          {/* Keyed by node so local field state never leaks from one node to the next. */}
          <Panel key={nodeId} nodeId={nodeId} />
        </Stack>
      </ScrollArea>
    </aside>
  );
}
