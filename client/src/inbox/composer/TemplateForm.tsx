// Picking an approved template, filling its variables (placeholders such as {{contact.name}} are
// filled by the server from the contact) and checking the WhatsApp-like preview before sending: the
// same form in a conversation ("Send a template") and when writing first to a customer.
import { Alert, Button, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import type { TemplateSend } from '@zyntra/flows-schema';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuthStore } from '../../auth/auth-store';
import { canSee } from '../../auth/roles';
import { languageName } from '../../templates/language-name';
import { TemplatePreview } from '../../templates/TemplatePreview';
import { templateSendErrorText } from '../../templates/template-send-errors';
import { TemplateValueFields } from '../../templates/TemplateValueFields';
import { type TemplateValues, noValues, parametersOf, previewComponents, suggestedValues, valuesComplete } from '../../templates/template-values';
import type { Template } from '../../templates/templates-api';

export type TemplateBody = { template: { name: string; language: string; parameters: TemplateSend['parameters'] } };

export const newIdempotencyKey = () => (typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`);

function useApproved(load: (signal: AbortSignal) => Promise<Template[]>, source: string) {
  const [items, setItems] = useState<Template[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const abort = new AbortController();
    setFailed(false);
    setItems(null);
    load(abort.signal).then(setItems).catch(() => !abort.signal.aborted && setFailed(true));
    return () => abort.abort();
    // `source` names what `load` reads (a conversation, a channel): a new one loads again.
  }, [source]); // eslint-disable-line react-hooks/exhaustive-deps
  return { items, failed };
}

type Props = {
  /** The approved templates offered, and the key they are read again by when it changes. */
  load: (signal: AbortSignal) => Promise<Template[]>;
  source: string;
  /** The contact's values the preview fills placeholders with. */
  vars: Record<string, string>;
  /** Sends; a refusal is thrown and shown in the form. */
  send: (body: TemplateBody) => Promise<void>;
  onCancel: () => void;
  /** Turns a refusal into words; the template errors by default. */
  errorText?: (err: unknown) => string;
  disabled?: boolean;
};

export function TemplateForm({ load, source, vars, send, onCancel, errorText, disabled }: Props) {
  const { t, i18n } = useTranslation();
  const role = useAuthStore((st) => st.role);
  const { items, failed } = useApproved(load, source);
  const [picked, setPicked] = useState<string | null>(null);
  const [values, setValues] = useState<TemplateValues>(noValues);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const template = items?.find((x) => x.id === picked) ?? null;

  const pick = (id: string | null) => {
    setPicked(id);
    setError(null);
    const next = items?.find((x) => x.id === id);
    setValues(next ? suggestedValues(next.components) : noValues);
  };
  const complete = template !== null && valuesComplete(template.components, values);

  async function submit() {
    if (!template) return;
    setSending(true);
    setError(null);
    try {
      await send({ template: { name: template.name, language: template.language, parameters: parametersOf(template.components, values) } });
    } catch (err) {
      setError(errorText ? errorText(err) : templateSendErrorText(t, err));
    } finally {
      setSending(false);
    }
  }

  return (
    <Stack gap="sm" data-testid="template-dialog">
      {failed && <Alert color="red">{t('inbox.template.loadFailed')}</Alert>}
      {/* Who can make one does it on the Templates page; an agent, who has no such page, is told whom to ask. */}
      {items && items.length === 0 && <Alert color="gray" data-testid="template-none">{t(canSee('templates', role) ? 'inbox.template.none' : 'inbox.template.noneAsk')}</Alert>}
      <Select
        label={t('inbox.template.pick')}
        placeholder={t('inbox.template.pickPlaceholder')}
        data={(items ?? []).map((x) => ({ value: x.id, label: `${x.name} · ${languageName(x.language, i18n.language)}` }))}
        value={picked}
        onChange={pick}
        searchable
        disabled={!items?.length}
        comboboxProps={{ withinPortal: false }}
        data-testid="template-pick"
      />
      {template && (
        // Side by side on a wide screen; on a phone the preview goes under the values, at full width.
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Stack gap="xs">
            {values.body.length > 0 && <Text size="xs" c="dimmed">{t('inbox.template.hint', { example: '{{contact.name}}' })}</Text>}
            <TemplateValueFields components={template.components} values={values} onChange={setValues} size="xs" />
          </Stack>
          <TemplatePreview components={previewComponents(template.components, values, vars)} />
        </SimpleGrid>
      )}
      {error && <Alert color="red" data-testid="template-error">{error}</Alert>}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>{t('inbox.template.cancel')}</Button>
        <Button color="teal" onClick={() => void submit()} loading={sending} disabled={!complete || disabled} data-testid="template-send">{t('inbox.template.send')}</Button>
      </Group>
    </Stack>
  );
}
