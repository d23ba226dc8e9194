// The parts of a WhatsApp template around its body: a file header, the footer and the buttons. Drawn
// the same in the template editor's preview and in the inbox thread, where a sent template shows
// as the customer saw it (flows-schema templateView).
import { Anchor, Box, Group, Stack, Text } from '@mantine/core';
import { IconArrowBackUp, IconCopy, IconExternalLink, IconFileText, IconMapPin, IconPhone, IconPhoto, IconVideo } from '@tabler/icons-react';
import type { TemplateViewButton, TemplateViewHeader } from '@zyntra/flows-schema';
import { useTranslation } from 'react-i18next';
import classes from './TemplateParts.module.css';

type FileHeader = Exclude<TemplateViewHeader, { type: 'text' }>;

const FILE_ICONS = { image: IconPhoto, video: IconVideo, document: IconFileText, location: IconMapPin } as const;
const BUTTON_ICONS = { quick_reply: IconArrowBackUp, url: IconExternalLink, phone_number: IconPhone, copy_code: IconCopy } as const;

/** A file or location header: which kind, and the file itself to open when it was sent by link. */
export function TemplateFileHeader({ header }: { header: FileHeader }) {
  const { t } = useTranslation();
  const Icon = FILE_ICONS[header.type];
  const link = 'mediaUrl' in header && header.mediaUrl && /^https?:\/\//i.test(header.mediaUrl) ? header.mediaUrl : null;
  return (
    <Box className={classes.media} data-testid="template-media">
      <Icon size={22} stroke={1.5} />
      <Text size="xs">{t(`templates.parts.${header.type}`)}</Text>
      {link && <Anchor size="xs" href={link} target="_blank" rel="noopener noreferrer">{t('templates.parts.openFile')}</Anchor>}
    </Box>
  );
}

export function TemplateFooter({ text }: { text: string }) {
  return <Text size="xs" c="#667781" mt={4} data-testid="template-footer">{text}</Text>;
}

function ButtonLabel({ b }: { b: TemplateViewButton }) {
  const { t } = useTranslation();
  if (b.type !== 'copy_code') return <>{b.text}</>;
  return <>{b.text ? t('templates.parts.copyCodeValue', { code: b.text }) : t('templates.parts.copyCode')}</>;
}

/** The buttons under the message, each with what it does: answer, open a link, call, copy a code. */
export function TemplateButtonList({ buttons, inline = false }: { buttons: TemplateViewButton[]; inline?: boolean }) {
  if (!buttons.length) return null;
  return (
    <Stack gap={inline ? 0 : 2} className={inline ? classes.inline : undefined} data-testid="template-buttons">
      {buttons.map((b, i) => {
        const Icon = BUTTON_ICONS[b.type];
        return (
          <Group key={i} gap={6} justify="center" wrap="nowrap" className={classes.button} title={b.url ?? b.phone} data-testid="template-button">
            <Icon size={15} stroke={1.8} style={{ flexShrink: 0 }} />
            <span><ButtonLabel b={b} /></span>
          </Group>
        );
      })}
    </Stack>
  );
}
