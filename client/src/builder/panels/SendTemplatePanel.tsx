// The send_template step's side panel: a picker of the workspace's approved WhatsApp templates that
// fills name, language, the body's values (the first with {{contact.name}}, the rest from the
// template's examples) and the header kind; the generated form edits the values afterwards.
import { Select, Stack } from '@mantine/core';
import { headerParameter, templateBodyText, variableCount, type TemplateComponent } from '@zyntra/flows-schema';
import { useEffect, useState } from 'react';
import { channelsApi } from '../../settings/channels/channels-api';
import { templatesApi, type Template } from '../../templates/templates-api';
import { ConfigForm } from './generic/ConfigForm';
import { useFieldText } from './fields/use-field-text';
import type { PanelProps } from './panel-props';
import { useNodeConfig } from './use-node-config';

/** Approved templates of every WhatsApp Cloud API channel of the workspace; null while loading. */
function useApprovedTemplates(): Template[] | null {
  const [items, setItems] = useState<Template[] | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    channelsApi.list(abort.signal)
      .then(({ items: channels }) => Promise.all(channels.filter((c) => c.type === 'whatsapp_cloud').map((c) => templatesApi.list(c.id, abort.signal))))
      .then((lists) => setItems(lists.flatMap((l) => l.items).filter((x) => x.status === 'APPROVED')))
      .catch(() => !abort.signal.aborted && setItems([]));
    return () => abort.abort();
  }, []);
  return items;
}

const keyOf = (name: string, language: string) => `${name}:${language}`;
const OMIT = ['name', 'language', 'text'] as const;
/** Without a header value the header's field would only invite a value WhatsApp refuses (132000). */
const OMIT_HEADER = [...OMIT, 'header'] as const;

export function SendTemplatePanel({ nodeId }: PanelProps) {
  const { config, patch } = useNodeConfig(nodeId, 'send_template');
  const f = useFieldText('send_template');
  const templates = useApprovedTemplates();
  const current = keyOf(config.name, config.language);
  const options = [...new Map((templates ?? []).map((x) => [keyOf(x.name, x.language), `${x.name} · ${x.language}`])).entries()];
  // A template typed in by hand or no longer approved still shows, so opening the panel never drops it.
  if (config.name && !options.some(([k]) => k === current)) options.push([current, `${config.name} · ${config.language}`]);

  const pick = (value: string | null) => {
    const t = templates?.find((x) => keyOf(x.name, x.language) === value);
    if (!t) return;
    const components = t.components as TemplateComponent[];
    const body = components.find((c) => c.type === 'BODY');
    const examples = body?.type === 'BODY' ? (body.example?.body_text[0] ?? []) : [];
    const count = variableCount(templateBodyText(components));
    patch({
      name: t.name, language: t.language, text: templateBodyText(components) ?? '',
      body: Array.from({ length: count }, (_, i) => (i === 0 ? '{{contact.name}}' : (examples[i] ?? ''))),
      headerType: headerParameter(components) ?? 'none', header: '',
    });
  };

  return (
    <Stack gap="md">
      <Select
        label={f.label('name')}
        description={f.hint('name')}
        placeholder={f.placeholder('name')}
        data={options.map(([value, label]) => ({ value, label }))}
        value={config.name ? current : null}
        onChange={pick}
        searchable
        comboboxProps={{ withinPortal: true }}
        data-testid="send-template-pick"
      />
      <ConfigForm nodeId={nodeId} type="send_template" omit={config.headerType === 'none' ? OMIT_HEADER : OMIT} />
    </Stack>
  );
}
