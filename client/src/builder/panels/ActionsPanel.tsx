// The actions step's side panel: a list of rows, each an action whose fields depend on its kind
// (tags for the tag kinds, a name and a value for variables and contact attributes).
import { ActionIcon, Autocomplete, Button, Group, Paper, Select, Stack, TagsInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { NodeConfig } from '@zyntra/flows-schema';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { focusNewRow } from './fields/focus-new-row';
import { TemplateField } from './fields/TemplateField';
import { useContactFields } from './fields/use-contact-fields';
import { useFieldText } from './fields/use-field-text';
import { VariableSelect } from './fields/VariableSelect';
import type { PanelProps } from './panel-props';
import { removeAt, replaceAt, useNodeConfig } from './use-node-config';

type ActionItem = NodeConfig<'actions'>['actions'][number];
// Every kind, each once: the record makes the compiler reject a missing or unknown one.
const KIND_ORDER: Record<ActionItem['kind'], number> = { add_tags: 0, remove_tags: 1, set_variable: 2, set_attribute: 3 };
const KINDS = (Object.keys(KIND_ORDER) as ActionItem['kind'][]).sort((a, b) => KIND_ORDER[a] - KIND_ORDER[b]);
const newActionItem = (): ActionItem => ({ kind: 'add_tags', tags: [], name: '', value: '' });

function ActionRow({ item, index, onChange, onRemove }: { item: ActionItem; index: number; onChange: (item: ActionItem) => void; onRemove: () => void }) {
  const { t } = useTranslation();
  const f = useFieldText('actions');
  const id = `action-${index}`;
  const tags = item.kind === 'add_tags' || item.kind === 'remove_tags';
  // The attributes the contacts already hold, offered as the name is typed: "Cidade" picks the
  // workspace's "cidade" instead of starting a near-twin by a slip of the keyboard.
  const attributes = useContactFields().map((field) => field.slice('contact.'.length));
  return (
    <Paper withBorder p="xs" radius="md" data-testid={id}>
      <Stack gap={6}>
        <Group gap={4} wrap="nowrap">
          <Select
            size="xs"
            style={{ flex: 1 }}
            aria-label={f.label('actions.*.kind')}
            data={f.options('actions.*.kind', KINDS)}
            value={item.kind}
            onChange={(kind) => kind && onChange({ ...item, kind: kind as ActionItem['kind'] })}
            comboboxProps={{ withinPortal: true }}
            data-row-input
            data-testid={`${id}-kind`}
          />
          <ActionIcon variant="subtle" color="gray" onClick={onRemove} aria-label={t('builder.remove')}>
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
        {tags ? (
          <TagsInput size="xs" label={f.label('actions.*.tags')} description={f.hint('actions.*.tags')} placeholder={f.placeholder('actions.*.tags')}
            value={item.tags} onChange={(next) => onChange({ ...item, tags: next })} data-testid={`${id}-tags`} />
        ) : (
          <>
            {item.kind === 'set_variable' ? (
              <VariableSelect label={f.label('actions.*.name')} value={item.name || null} onChange={(name) => onChange({ ...item, name: name ?? '' })} testId={`${id}-name`} />
            ) : (
              <Autocomplete size="xs" label={f.label('actions.*.name')} description={f.hint('actions.*.name')} placeholder={f.placeholder('actions.*.name')}
                data={attributes} value={item.name} onChange={(name) => onChange({ ...item, name })} comboboxProps={{ withinPortal: true }} data-testid={`${id}-name`} />
            )}
            <TemplateField label={f.label('actions.*.value')} placeholder={f.placeholder('actions.*.value')} value={item.value}
              onChange={(value) => onChange({ ...item, value })} minRows={1} testId={`${id}-value`} />
          </>
        )}
      </Stack>
    </Paper>
  );
}

export function ActionsPanel({ nodeId }: PanelProps) {
  const { config, patch } = useNodeConfig(nodeId, 'actions');
  const f = useFieldText('actions');
  const rows = useRef<HTMLDivElement>(null);
  const list = config.actions;
  const add = () => {
    patch({ actions: [...list, newActionItem()] });
    focusNewRow(rows.current, '[data-row-input]');
  };
  return (
    <Stack gap="sm" ref={rows}>
      {list.map((item, i) => (
        <ActionRow key={i} item={item} index={i} onChange={(next) => patch({ actions: replaceAt(list, i, next) })} onRemove={() => patch({ actions: removeAt(list, i) })} />
      ))}
      <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={add} disabled={list.length >= 20} data-testid="add-action">
        {f.label('actions.*.kind')}
      </Button>
    </Stack>
  );
}
