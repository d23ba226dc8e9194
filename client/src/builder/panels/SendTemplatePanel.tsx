// The send_template step's side panel: a picker of the workspace's approved WhatsApp templates that
// fills name, language, the body's values (the first with {{contact.name}}, the rest from the
// template's examples), the header kind and one slot per button that takes a value (a link's
// ending, a coupon code); the generated form edits the body and header afterwards.
import { Input, Select, Stack } from '@mantine/core';
import type { SendTemplateButton, TemplateComponent } from '@zyntra/flows-schema';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { channelsApi } from '../../settings/channels/channels-api';
import { languageName } from '../../templates/language-name';
import { templatesApi, type Template } from '../../templates/templates-api';
import { ConfigForm } from './generic/ConfigForm';
import { TemplateField } from './fields/TemplateField';
import { useFieldText } from './fields/use-field-text';
import type { PanelProps } from './panel-props';
import { buttonShown, buttonSlots, pickedTemplate } from './send-template-values';
import { replaceAt, useNodeConfig } from './use-node-config';

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
/** Buttons are a list of objects: this panel edits them, slot by slot. */
const OMIT = ['name', 'language', 'text', 'buttons'] as const;
/** Without a header value the header's field would only invite a value WhatsApp refuses (132000). */
const OMIT_HEADER = [...OMIT, 'header'] as const;

type ButtonsProps = { buttons: SendTemplateButton[]; components: readonly TemplateComponent[] | undefined; onChange(buttons: SendTemplateButton[]): void };

/** One input per button that takes a value; a link's input says which address it completes. */
function ButtonValues({ buttons, components, onChange }: ButtonsProps) {
  const f = useFieldText('send_template');
  if (buttons.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="send-template-buttons">
      <div>
        <Input.Label>{f.label('buttons')}</Input.Label>
        <Input.Description>{f.hint('buttons')}</Input.Description>
      </div>
      {buttons.map((b, i) => {
        const shown = buttonShown(components, b.index);
        const kind = f.option('buttons.*.subType', b.subType);
        const which = shown.text ?? `${f.label('buttons.*.index')} ${b.index + 1}`;
        return (
          <TemplateField
            key={`${b.index}:${b.subType}`}
            label={b.subType === 'url' ? `${kind} · ${which}` : kind}
            description={shown.fixed}
            placeholder={f.placeholder('buttons.*.value')}
            value={b.value}
            onChange={(value) => onChange(replaceAt(buttons, i, { ...b, value }))}
            minRows={1}
            testId={`send-template-button-${b.index + 1}`}
          />
        );
      })}
    </Stack>
  );
}

export function SendTemplatePanel({ nodeId }: PanelProps) {
  const { config, patch } = useNodeConfig(nodeId, 'send_template');
  const f = useFieldText('send_template');
  const { i18n } = useTranslation();
  const templates = useApprovedTemplates();
  const current = keyOf(config.name, config.language);
  // The language as the marketer says it ("Português (Brasil)"), as the templates page names it.
  const labelOf = (name: string, language: string) => `${name} · ${languageName(language, i18n.language)}`;
  const options = [...new Map((templates ?? []).map((x) => [keyOf(x.name, x.language), labelOf(x.name, x.language)])).entries()];
  // A template typed in by hand or no longer approved still shows, so opening the panel never drops it.
  if (config.name && !options.some(([k]) => k === current)) options.push([current, labelOf(config.name, config.language)]);
  const picked = templates?.find((x) => keyOf(x.name, x.language) === current);
  // The template as approved now decides the slots: a step saved before buttons took values (or
  // before the template gained one) shows the inputs it lacks, and the first value typed stores them.
  const slots = picked ? buttonSlots(picked.components, config.buttons) : config.buttons;

  // On every pick, the same template's too: it fits the slots to the template as approved now.
  const pick = (value: string) => {
    const t = templates?.find((x) => keyOf(x.name, x.language) === value);
    if (t) patch(pickedTemplate(t, config));
  };

  return (
    <Stack gap="md">
      <Select
        label={f.label('name')}
        description={f.hint('name')}
        placeholder={f.placeholder('name')}
        data={options.map(([value, label]) => ({ value, label }))}
        value={config.name ? current : null}
        onOptionSubmit={pick}
        searchable
        comboboxProps={{ withinPortal: true }}
        data-testid="send-template-pick"
      />
      <ConfigForm nodeId={nodeId} type="send_template" omit={config.headerType === 'none' ? OMIT_HEADER : OMIT} />
      <ButtonValues buttons={slots} components={picked?.components} onChange={(buttons) => patch({ buttons })} />
    </Stack>
  );
}
