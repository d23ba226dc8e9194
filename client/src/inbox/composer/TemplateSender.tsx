// "Send a template": the one message WhatsApp delivers after the 24-hour window (and a choice inside it
// too): the template form over the approved templates of the conversation's channel, its preview
// filled from the conversation's contact.
import { Button, Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTemplate } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inboxApi } from '../api/inbox-api';
import type { ConversationDetail } from '../api/inbox-types';
import { inboxStore } from '../store/inbox-store';
import { TemplateForm, newIdempotencyKey, type TemplateBody } from './TemplateForm';

function TemplateDialog({ detail, onClose }: { detail: ConversationDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [key] = useState(newIdempotencyKey);
  const vars = useMemo(() => {
    const v: Record<string, string> = {};
    for (const [k, val] of Object.entries(detail.contact.attributes ?? {})) if (val !== null && val !== undefined) v[k] = String(val);
    if (detail.contact.name) v['contact.name'] = detail.contact.name;
    if (detail.contact.phone) v['contact.phone'] = detail.contact.phone;
    return v;
  }, [detail.contact]);
  const send = async (body: TemplateBody) => {
    const stored = await inboxApi.send(detail.id, body, key);
    inboxStore.getState().mergeThreadMessages(detail.id, [stored]);
    notifications.show({ color: 'teal', message: t('inbox.template.sent') });
    onClose();
  };
  return <TemplateForm load={(signal) => inboxApi.templates(detail.id, signal)} source={detail.id} vars={vars} send={send} onCancel={onClose} />;
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
