import { ActionIcon, Group, Select, Stack, TextInput } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { CONDITION_OPERANDS, type ConditionConfig } from '@zyntra/flows-schema';
import { useTranslation } from 'react-i18next';
import { contactFieldLabel } from './fields/contact-field-label';
import { useContactFields } from './fields/use-contact-fields';
import { useFieldText } from './fields/use-field-text';
import { useDeclaredVariables } from './fields/use-variables';
import styles from './side-panel.module.css';

export type Rule = ConditionConfig['branches'][number]['rules'][number];
type Op = Rule['op'];

const OPS: Op[] = ['equals', 'not_equals', 'contains', 'starts_with', 'regex', 'gt', 'gte', 'lt', 'lte', 'is_set', 'is_not_set', 'has_tag'];
const TAGS = 'contact.tags';
/** Operators that test the left side alone. */
const UNARY = new Set<Op>(['is_set', 'is_not_set']);

interface RuleRowProps {
  rule: Rule;
  onChange: (rule: Rule) => void;
  onRemove: () => void;
  testId: string;
}

export function RuleRow({ rule, onChange, onRemove, testId }: RuleRowProps) {
  const { t } = useTranslation();
  const f = useFieldText('condition');
  const declared = useDeclaredVariables();
  const operands = [...CONDITION_OPERANDS, ...useContactFields(), ...declared];
  // Keep an unknown operand listed so the validator's message points at something visible.
  if (!operands.includes(rule.left)) operands.push(rule.left);
  const setOp = (op: Op) => onChange({ ...rule, op, left: op === 'has_tag' ? TAGS : rule.left, right: UNARY.has(op) ? '' : rule.right });
  // The contact's tags are tested with "has tag" (they are a list): picking them picks it, and
  // leaving them for another operand leaves it.
  const setLeft = (left: string) => {
    const op: Op = left === TAGS ? 'has_tag' : rule.op === 'has_tag' ? 'equals' : rule.op;
    onChange({ ...rule, left, op });
  };

  return (
    <Stack gap={4} data-testid={testId} className={styles.rule}>
      <Group gap={4} wrap="nowrap">
        <Select
          size="xs"
          style={{ flex: 1, minWidth: 0 }}
          data={f.options('branches.*.rules.*.left', operands.filter(Boolean)).map((o) => ({ ...o, label: contactFieldLabel(t, o.value) ?? o.label }))}
          value={rule.left}
          searchable
          onChange={(left) => left && setLeft(left)}
          aria-label={f.label('branches.*.rules.*.left')}
          comboboxProps={{ withinPortal: true }}
        />
        <ActionIcon variant="subtle" color="gray" size="sm" onClick={onRemove} aria-label={t('builder.remove')}>
          <IconX size={14} />
        </ActionIcon>
      </Group>
      {/* One line each: the panel is narrow, and "Etiquetas do contato" or "tem a etiqueta" would be cut side by side. */}
      <Select
        size="xs"
        mr={26}
        data={f.options('branches.*.rules.*.op', OPS)}
        value={rule.op}
        onChange={(op) => op && setOp(op as Op)}
        aria-label={f.label('branches.*.rules.*.op')}
        comboboxProps={{ withinPortal: true }}
      />
      {!UNARY.has(rule.op) && (
        <TextInput
          size="xs"
          mr={26}
          value={rule.right}
          onChange={(e) => onChange({ ...rule, right: e.currentTarget.value })}
          aria-label={f.label('branches.*.rules.*.right')}
          placeholder={f.placeholder('branches.*.rules.*.right')}
          data-testid={`${testId}-right`}
          data-row-input
        />
      )}
    </Stack>
  );
}
