// The http_request step's side panel: the generated form for the plain fields, and hand-written
// lists for the headers (secret ones masked) and for what to save from the JSON answer.
import { ActionIcon, Button, Checkbox, Group, Paper, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { NodeConfig } from '@zyntra/flows-schema';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfigForm } from './generic/ConfigForm';
import { focusNewRow } from './fields/focus-new-row';
import { useFieldText } from './fields/use-field-text';
import { VariableSelect } from './fields/VariableSelect';
import type { PanelProps } from './panel-props';
import { removeAt, replaceAt, useNodeConfig } from './use-node-config';

type Config = NodeConfig<'http_request'>;
type Header = Config['headers'][number];
type Mapping = Config['mappings'][number];

const GENERATED_OMIT = ['headers', 'mappings'] as const;
const CREDENTIAL = /^(authorization|proxy-authorization|cookie|x-api-key|api-key)$/i;
const masked = (h: Header) => h.secret || CREDENTIAL.test(h.name.trim());

function HeaderRow({ header, index, onChange, onRemove }: { header: Header; index: number; onChange: (h: Header) => void; onRemove: () => void }) {
  const { t } = useTranslation();
  const f = useFieldText('http_request');
  const Value = masked(header) ? PasswordInput : TextInput;
  return (
    <Paper withBorder p="xs" radius="md" data-testid={`header-${index}`}>
      <Stack gap={4}>
        <Group gap={4} wrap="nowrap" align="flex-end">
          <TextInput size="xs" style={{ flex: 1 }} aria-label={f.label('headers.*.name')} placeholder={f.placeholder('headers.*.name')} value={header.name}
            onChange={(e) => onChange({ ...header, name: e.currentTarget.value })} data-row-input data-testid={`header-${index}-name`} />
          <ActionIcon variant="subtle" color="gray" onClick={onRemove} aria-label={t('builder.remove')}>
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
        {/* A saved secret comes back masked: focusing selects it, so typing replaces it whole. */}
        <Value size="xs" aria-label={f.label('headers.*.value')} placeholder={f.placeholder('headers.*.value')} value={header.value}
          onFocus={(e) => e.currentTarget.select()}
          onChange={(e) => onChange({ ...header, value: e.currentTarget.value })} data-testid={`header-${index}-value`} />
        <Checkbox size="xs" label={f.label('headers.*.secret')} checked={masked(header)} disabled={CREDENTIAL.test(header.name.trim())}
          onChange={(e) => onChange({ ...header, secret: e.currentTarget.checked })} data-testid={`header-${index}-secret`} />
      </Stack>
    </Paper>
  );
}

function MappingRow({ mapping, index, onChange, onRemove }: { mapping: Mapping; index: number; onChange: (m: Mapping) => void; onRemove: () => void }) {
  const { t } = useTranslation();
  const f = useFieldText('http_request');
  return (
    <Paper withBorder p="xs" radius="md" data-testid={`mapping-${index}`}>
      <Group gap={4} wrap="nowrap" align="flex-end">
        <TextInput style={{ flex: 1 }} label={f.label('mappings.*.path')} placeholder={f.placeholder('mappings.*.path')} value={mapping.path}
          onChange={(e) => onChange({ ...mapping, path: e.currentTarget.value })} data-row-input data-testid={`mapping-${index}-path`} />
        <div style={{ flex: 1 }}>
          <VariableSelect label={f.label('mappings.*.variable')} value={mapping.variable} onChange={(variable) => onChange({ ...mapping, variable })} testId={`mapping-${index}-variable`} />
        </div>
        <ActionIcon variant="subtle" color="gray" onClick={onRemove} aria-label={t('builder.remove')} mb={4}>
          <IconTrash size={16} />
        </ActionIcon>
      </Group>
    </Paper>
  );
}

export function HttpRequestPanel({ nodeId }: PanelProps) {
  const { config, patch } = useNodeConfig(nodeId, 'http_request');
  const f = useFieldText('http_request');
  const headerRows = useRef<HTMLDivElement>(null);
  const mappingRows = useRef<HTMLDivElement>(null);
  const { headers, mappings } = config;
  return (
    <Stack gap="md">
      <ConfigForm nodeId={nodeId} type="http_request" omit={GENERATED_OMIT} />
      <Stack gap={6} ref={headerRows}>
        <Text size="sm" fw={500}>{f.label('headers')}</Text>
        {headers.map((h, i) => (
          <HeaderRow key={i} header={h} index={i} onChange={(next) => patch({ headers: replaceAt(headers, i, next) })} onRemove={() => patch({ headers: removeAt(headers, i) })} />
        ))}
        <Button size="compact-xs" variant="subtle" leftSection={<IconPlus size={12} />} w="fit-content" disabled={headers.length >= 20} data-testid="add-header"
          onClick={() => {
            patch({ headers: [...headers, { name: '', value: '', secret: false }] });
            focusNewRow(headerRows.current, '[data-row-input]');
          }}>
          {f.label('headers.*.name')}
        </Button>
      </Stack>
      <Stack gap={6} ref={mappingRows}>
        <Text size="sm" fw={500}>{f.label('mappings')}</Text>
        {mappings.map((m, i) => (
          <MappingRow key={i} mapping={m} index={i} onChange={(next) => patch({ mappings: replaceAt(mappings, i, next) })} onRemove={() => patch({ mappings: removeAt(mappings, i) })} />
        ))}
        <Button size="compact-xs" variant="subtle" leftSection={<IconPlus size={12} />} w="fit-content" disabled={mappings.length >= 20} data-testid="add-mapping"
          onClick={() => {
            patch({ mappings: [...mappings, { path: '', variable: null }] });
            focusNewRow(mappingRows.current, '[data-row-input]');
          }}>
          {f.label('mappings.*.path')}
        </Button>
      </Stack>
    </Stack>
  );
}
