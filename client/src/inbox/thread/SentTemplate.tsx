// A template the business sent, as the customer saw it around its body (the body is the message's
// text): which template, its header above the text, its footer below, its buttons under the bubble.
// Templates stored before these parts were kept have none, and show their body only.
import { Group, Text } from '@mantine/core';
import { IconArrowBackUp, IconTemplate } from '@tabler/icons-react';
import type { TemplateView } from '@zyntra/flows-schema';
import { useTranslation } from 'react-i18next';
import { TemplateButtonList, TemplateFileHeader, TemplateFooter } from '../../templates/TemplateParts';
import type { MessageItem } from '../api/inbox-types';
import { payloadOf } from './message-words';

/** The template's name, then its header: a bold line of text, or the file it carried. */
export function SentTemplateTop({ view }: { view: TemplateView }) {
  const { t } = useTranslation();
  const header = view.header;
  return (
    <>
      <Group gap={4} wrap="nowrap" c="dimmed" data-testid="template-name">
        <IconTemplate size={12} style={{ flexShrink: 0 }} />
        <Text size="xs" c="dimmed" truncate>{t('templates.parts.sent', { name: view.name })}</Text>
      </Group>
      {header?.type === 'text' && <Text fw={700} size="sm" data-testid="template-header">{header.text}</Text>}
      {header && header.type !== 'text' && <TemplateFileHeader header={header} />}
    </>
  );
}

export const SentTemplateFooter = ({ view }: { view: TemplateView }) => (view.footer ? <TemplateFooter text={view.footer} /> : null);

export const SentTemplateButtons = ({ view }: { view: TemplateView }) => <TemplateButtonList buttons={view.buttons ?? []} inline />;

/** A customer's tap on a button (of a template or a bot's message): its label is the text, marked as a tap. */
export function TappedButton({ m }: { m: MessageItem }) {
  const { t } = useTranslation();
  const p = payloadOf(m);
  const tapped = m.direction === 'in' && (p.type === 'button' || p.interactive?.kind === 'button_reply');
  if (!tapped) return null;
  return (
    <Group gap={4} wrap="nowrap" c="dimmed" data-testid="message-tapped">
      <IconArrowBackUp size={12} style={{ flexShrink: 0 }} />
      <Text size="xs" c="dimmed">{t('inbox.content.tappedButton')}</Text>
    </Group>
  );
}
