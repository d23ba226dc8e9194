import { Anchor, Group, Loader, Text } from '@mantine/core';
import { IconFile } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inboxApi } from '../api/inbox-api';
import type { MessageItem } from '../api/inbox-types';
import classes from './thread.module.css';

type State = { url: string; mime: string } | 'loading' | 'pending' | 'missing';

/** A message's file shown inline through a short-lived signed URL (fetched when the bubble mounts). */
export function MediaView({ conversationId, message }: { conversationId: string; message: MessageItem }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>('loading');
  useEffect(() => {
    let live = true;
    inboxApi.mediaUrl(conversationId, message.id).then(
      (r) => live && setState({ url: r.url, mime: r.mimeType ?? r.mime ?? message.media?.mime ?? '' }),
      (err: { status?: number }) => live && setState(err.status === 409 ? 'pending' : 'missing'),
    );
    return () => {
      live = false;
    };
  }, [conversationId, message.id, message.media?.mime]);

  if (state === 'loading') return <Loader size="xs" my={4} />;
  if (state === 'pending' || state === 'missing') {
    return <Text size="xs" c="dimmed" fs="italic">{t(state === 'pending' ? 'inbox.media.pending' : 'inbox.media.missing')}</Text>;
  }
  const name = message.media?.fileName ?? t('inbox.media.document');
  if (state.mime.startsWith('image/')) return <img className={classes.media} src={state.url} alt={name} loading="lazy" />;
  if (state.mime.startsWith('video/')) return <video className={classes.media} src={state.url} controls preload="metadata" />;
  if (state.mime.startsWith('audio/')) return <audio src={state.url} controls preload="metadata" style={{ maxWidth: '100%' }} />;
  return (
    <Group gap={6} wrap="nowrap">
      <IconFile size={18} />
      <Anchor href={state.url} target="_blank" rel="noreferrer" size="sm">{name}</Anchor>
    </Group>
  );
}
