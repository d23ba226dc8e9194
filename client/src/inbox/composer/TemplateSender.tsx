// "Send a template": the one message WhatsApp delivers after the 24-hour window (and a choice inside it
// too). Pick an approved template of the conversation's channel, fill its variables (placeholders such
// as {{contact.name}} are filled by the server from the contact), check the WhatsApp-like preview, send.
import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTemplate } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TemplatePreview } from '../../templates/TemplatePreview';
import { templateSendErrorText } from '../../templates/template-send-errors';
import { TemplateValueFields } from '../../templates/TemplateValueFields';
import { type TemplateValues, noValues, parametersOf, previewComponents, suggestedValues, valuesComplete } from '../../templates/template-values';
import type { Template } from '../../templates/templates-api';
import { inboxApi } from '../api/inbox-api';
import type { ConversationDetail } from '../api/inbox-types';
import { inboxStore } from '../store/inbox-store';

const newKey = () => (typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`);

function useApproved(conversationId: string, opened: boolean) {
  const [items, setItems] = useState<Template[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!opened) return;
    const abort = new AbortController();
    setFailed(false);
    inboxApi.templates(conversationId, abort.signal)
      .then(setItems)
      .catch(() => !abort.signal.aborted && setFailed(true));
    return () => abort.abort();
  }, [conversationId, opened]);
  return { items, failed };
}

function TemplateDialog({ detail, onClose }: { detail: ConversationDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { items, failed } = useApproved(detail.id, true);
  const [picked, setPicked] = useState<string | null>(null);
  const [values, setValues] = useState<TemplateValues>(noValues);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [key] = useState(newKey);
  const template = items?.find((x) => x.id === picked) ?? null;
  const vars = useMemo(() => {
    const v: Record<string, string> = {};
    for (const [k, val] of Object.entries(detail.contact.attributes ?? {})) if (val !== null && val !== undefined) v[k] = String(val);
    if (detail.contact.name) v['contact.name'] = detail.contact.name;
    if (detail.contact.phone) v['contact.phone'] = detail.contact.phone;
    return v;
  }, [detail.contact]);

  const pick = (id: string | null) => {
    setPicked(id);
    setError(null);
    const next = items?.find((x) => x.id === id);
    setValues(next ? suggestedValues(next.components) : noValues);
  };
  const complete = template !== null && valuesComplete(template.components, values);

  async function send() {
    if (!template) return;
    setSending(true);
    setError(null);
    try {
      const body = { template: { name: template.name, language: template.language, parameters: parametersOf(template.components, values) } };
      const stored = await inboxApi.send(detail.id, body, key);
      inboxStore.getState().mergeThreadMessages(detail.id, [stored]);
      notifications.show({ color: 'teal', message: t('inbox.template.sent') });
      onClose();
    } catch (err) {
      setError(templateSendErrorText(t, err));
    } finally {
      setSending(false);
    }
  }

  return (
    <Stack gap="sm" data-testid="template-dialog">
      {failed && <Alert color="red">{t('inbox.template.loadFailed')}</Alert>}
      {items && items.length === 0 && <Alert color="gray" data-testid="template-none">{t('inbox.template.none')}</Alert>}
      <Select
        label={t('inbox.template.pick')}
        placeholder={t('inbox.template.pickPlaceholder')}
        data={(items ?? []).map((x) => ({ value: x.id, label: `${x.name} · ${x.language}` }))}
        value={picked}
        onChange={pick}
        searchable
        disabled={!items?.length}
        comboboxProps={{ withinPortal: false }}
        data-testid="template-pick"
      />
      {template && (
        <Group align="flex-start" grow wrap="nowrap">
          <Stack gap="xs">
            {values.body.length > 0 && <Text size="xs" c="dimmed">{t('inbox.template.hint', { example: '{{contact.name}}' })}</Text>}
            <TemplateValueFields components={template.components} values={values} onChange={setValues} size="xs" />
          </Stack>
          <TemplatePreview components={previewComponents(template.components, values, vars)} />
        </Group>
      )}
      {error && <Alert color="red" data-testid="template-error">{error}</Alert>}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>{t('inbox.template.cancel')}</Button>
        <Button color="teal" onClick={() => void send()} loading={sending} disabled={!complete} data-testid="template-send">{t('inbox.template.send')}</Button>
      </Group>
    </Stack>
  );
}

/** The button and its dialog; only WhatsApp Cloud API conversations have templates. */
export function TemplateSender({ detail, variant = 'light' }: { detail: ConversationDetail; variant?: 'light' | 'subtle' }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  if (detail.channelType !== 'whatsapp_cloud') return null;
  return (
    <>
      <Button size="xs" variant={variant} color="teal" leftSection={<IconTemplate size={14} />} onClick={() => setOpened(true)} data-testid="template-open">
        {t('inbox.template.open')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('inbox.template.title')} size="xl">
        {opened && <TemplateDialog detail={detail} onClose={() => setOpened(false)} />}
      </Modal>
    </>
  );
}
