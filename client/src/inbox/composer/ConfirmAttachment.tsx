// A file chosen, pasted (Ctrl+V of a screenshot) or dropped on the composer is shown before it goes:
// a stray paste must not send a customer whatever was on the clipboard.
import { Button, Group, Image, Modal, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fileSize } from './file-size';


type Props = { file: File | null; to: string; onSend(file: File, caption: string): void; onClose(): void };

export function ConfirmAttachment({ file, to, onSend, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const [preview, setPreview] = useState<string | null>(null);
  const [caption, setCaption] = useState('');
  useEffect(() => setCaption(''), [file]);
  useEffect(() => {
    if (!file?.type.startsWith('image/')) return setPreview(null);
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);
  return (
    <Modal opened={file !== null} onClose={onClose} title={t('inbox.composer.attachTitle', { name: to })} centered data-testid="confirm-attachment">
      {file && (
        <Stack gap="md">
          {preview ? (
            <Image src={preview} alt={file.name} mah={320} fit="contain" radius="sm" data-testid="attachment-preview" />
          ) : (
            <Paper withBorder p="sm" radius="sm">
              <Group gap="xs" wrap="nowrap">
                <IconPaperclip size={18} />
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{file.name}</Text>
              </Group>
            </Paper>
          )}
          <Text size="xs" c="dimmed">{preview ? `${file.name} · ` : ''}{fileSize(file.size, i18n.language)}</Text>
          {/* Audio goes without one: WhatsApp shows no caption under a voice message. */}
          {!file.type.startsWith('audio/') && (
            <TextInput
              value={caption}
              onChange={(e) => setCaption(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
                e.preventDefault();
                onSend(file, caption);
              }}
              placeholder={t('inbox.composer.captionPlaceholder')}
              aria-label={t('inbox.composer.caption')}
              maxLength={1024}
              data-autofocus
              data-testid="attachment-caption"
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('inbox.actions.cancel')}</Button>
            <Button onClick={() => onSend(file, caption)} data-testid="attachment-send">{t('inbox.composer.attachSend')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
