// Every problem of the flow, grouped: errors first, then warnings, each under the step (by name)
// or connection it belongs to. Clicking a group selects and centres its step (flow-level ones open
// the flow settings). Docked beside the canvas, so the toolbar (Publish) and canvas stay usable.
import { ActionIcon, Badge, Group, List, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconAlertCircle, IconAlertTriangle, IconCircleCheck, IconX } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import panelStyles from '../panels/side-panel.module.css';
import { useFlowStore, useFlowStoreApi } from '../store/flow-store-context';
import { useLocale } from '../../i18n/use-locale';
import { groupProblems, type ProblemGroup, type SeverityGroup } from './group-problems';
import styles from './problems.module.css';
import { useFocusNode } from './use-focus-node';

function GroupItem({ group, error, onOpen }: { group: ProblemGroup; error: boolean; onOpen: (g: ProblemGroup) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const Icon = error ? IconAlertCircle : IconAlertTriangle;
  const where = group.title ?? t('builder.problems.flow');
  return (
    <UnstyledButton className={styles.item} onClick={() => onOpen(group)} data-testid="problem-item" data-node-id={group.nodeId ?? undefined} data-severity={error ? 'error' : 'warning'}>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Icon size={18} color={`var(--mantine-color-${error ? 'red-6' : 'orange-6'})`} style={{ flex: 'none', marginTop: 2 }} />
        <div style={{ minWidth: 0 }}>
          <Text size="sm" fw={600} truncate>
            {group.connection ? t('builder.problems.connectionFrom', { step: where }) : where}
            {group.detail && <Text span size="sm" c="dimmed" fw={400} data-testid="problem-step-detail"> · {group.detail}</Text>}
          </Text>
          <List size="sm" spacing={2}>
            {group.problems.map((p, i) => (
              <List.Item key={`${p.code}-${p.path}-${i}`}>{p.message[locale]}</List.Item>
            ))}
          </List>
        </div>
      </Group>
    </UnstyledButton>
  );
}

function SeveritySection({ section, onOpen }: { section: SeverityGroup; onOpen: (g: ProblemGroup) => void }) {
  const { t } = useTranslation();
  const error = section.severity === 'error';
  return (
    <Stack gap={2} data-testid={`problems-${section.severity}s`}>
      <Text size="xs" fw={700} tt="uppercase" c={error ? 'red.7' : 'orange.7'} px="xs" pt="xs">
        {t(error ? 'builder.problems.errors' : 'builder.problems.warnings', { count: section.count })}
      </Text>
      {section.groups.map((g) => (
        <GroupItem key={`${g.nodeId ?? ''}-${g.connection}`} group={g} error={error} onOpen={onOpen} />
      ))}
    </Stack>
  );
}

export function ProblemsPanel() {
  const { t } = useTranslation();
  const locale = useLocale();
  const store = useFlowStoreApi();
  const opened = useFlowStore((s) => s.drawer === 'problems');
  const problems = useFlowStore((s) => s.problems);
  const errors = useFlowStore((s) => s.errorCount);
  // Titles are read when the problems change (validation follows every edit, renames included).
  const sections = useMemo(() => {
    const { nodes, edges } = store.getState();
    return groupProblems(problems, nodes, edges, locale);
  }, [problems, store, locale]);
  const focusNode = useFocusNode();

  const open = (g: ProblemGroup) => {
    if (g.nodeId) focusNode(g.nodeId);
    else if (g.problems.some((p) => p.path.startsWith('settings'))) store.getState().setDrawer('settings');
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
        {sections.length === 0 ? (
          <Stack align="center" py="xl" px="md" gap="xs">
            <IconCircleCheck size={40} color="var(--mantine-color-teal-6)" />
            <Text c="dimmed" ta="center">
              {t('builder.problems.none')}
            </Text>
          </Stack>
        ) : (
          <Stack gap="sm" p="xs">
            <Text size="xs" c="dimmed" px="xs" data-testid="problems-rule">
              {t('builder.problems.rule')}
            </Text>
            {sections.map((section) => (
              <SeveritySection key={section.severity} section={section} onOpen={open} />
            ))}
          </Stack>
        )}
      </ScrollArea>
    </aside>
  );
}
