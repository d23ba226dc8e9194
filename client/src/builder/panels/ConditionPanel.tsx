// Branches are tried in order and the first whose rules match wins; "else" catches the rest.
import { ActionIcon, Button, Group, Paper, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import type { ConditionConfig } from '@zyntra/flows-schema';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { focusNewRow } from './fields/focus-new-row';
import { useFieldText } from './fields/use-field-text';
import { newId } from '../store/new-id';
import type { PanelProps } from './panel-props';
import { RuleRow, type Rule } from './RuleRow';
import { removeAt, replaceAt, useNodeConfig } from './use-node-config';

type Branch = ConditionConfig['branches'][number];
const COMBINATORS: Branch['combinator'][] = ['all', 'any'];
const newRule = (): Rule => ({ left: 'last_reply', op: 'equals', right: '' });

function BranchEditor({ branch, index, onChange, onRemove, onMoveUp }: { branch: Branch; index: number; onChange: (b: Branch) => void; onRemove: () => void; onMoveUp?: () => void }) {
  const { t } = useTranslation();
  const f = useFieldText('condition');
  const rules = useRef<HTMLDivElement>(null);
  const addRule = () => {
    onChange({ ...branch, rules: [...branch.rules, newRule()] });
    focusNewRow(rules.current, '[data-row-input]');
  };
  return (
    <Paper withBorder p="xs" radius="md" data-testid={`branch-${index}`}>
      <Stack gap={6} ref={rules}>
        <Group gap={4} wrap="nowrap">
          <TextInput
            size="xs"
            style={{ flex: 1 }}
            value={branch.label}
            placeholder={f.placeholder('branches.*.label')}
            aria-label={f.label('branches.*.label')}
            onChange={(e) => onChange({ ...branch, label: e.currentTarget.value })}
            data-testid={`branch-${index}-label`}
          />
          {onMoveUp && (
            <ActionIcon variant="subtle" color="gray" onClick={onMoveUp} aria-label={t('builder.condition.moveUp')}>
              <IconArrowUp size={16} />
            </ActionIcon>
          )}
          <ActionIcon variant="subtle" color="gray" onClick={onRemove} aria-label={t('builder.remove')}>
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
        <Group gap={6}>
          <Text size="xs" c="dimmed">
            {f.label('branches.*.combinator')}
          </Text>
          <SegmentedControl
            size="xs"
            value={branch.combinator}
            onChange={(v) => onChange({ ...branch, combinator: v as Branch['combinator'] })}
            data={f.options('branches.*.combinator', COMBINATORS)}
          />
        </Group>
        {branch.rules.map((rule, r) => (
          <RuleRow
            key={r}
            rule={rule}
            testId={`branch-${index}-rule-${r}`}
            onChange={(next) => onChange({ ...branch, rules: replaceAt(branch.rules, r, next) })}
            onRemove={() => onChange({ ...branch, rules: removeAt(branch.rules, r) })}
          />
        ))}
        <Button size="compact-xs" variant="subtle" leftSection={<IconPlus size={12} />} onClick={addRule} w="fit-content" data-testid={`branch-${index}-add-rule`}>
          {t('builder.condition.addRule')}
        </Button>
      </Stack>
    </Paper>
  );
}

export function ConditionPanel({ nodeId }: PanelProps) {
  const { t } = useTranslation();
  const { config, patch } = useNodeConfig(nodeId, 'condition');
  const branches = config.branches;
  const moveUp = (i: number) => patch({ branches: branches.map((b, j) => (j === i - 1 ? branches[i]! : j === i ? branches[i - 1]! : b)) });
  return (
    <Stack gap="sm">
      <Text size="xs" c="dimmed">
        {t('builder.condition.intro')}
      </Text>
      {branches.map((branch, i) => (
        <BranchEditor
          key={branch.id}
          branch={branch}
          index={i}
          onChange={(b) => patch({ branches: replaceAt(branches, i, b) })}
          onRemove={() => patch({ branches: removeAt(branches, i) })}
          onMoveUp={i > 0 ? () => moveUp(i) : undefined}
        />
      ))}
      <Button
        size="xs"
        variant="light"
        leftSection={<IconPlus size={14} />}
        onClick={() => patch({ branches: [...branches, { id: newId('branch'), label: '', combinator: 'all', rules: [newRule()] }] })}
        data-testid="add-branch"
      >
        {t('builder.condition.addBranch')}
      </Button>
    </Stack>
  );
}
