// The tab's sender, wired to the API and to toasts that explain a refusal in plain words.
import { notifications } from '@mantine/notifications';
import type { ApiError } from '../../api/errors';
import i18n from '../../i18n';
import { inboxApi, uploadMedia } from '../api/inbox-api';
import { inboxStore } from '../store/inbox-store';
import { conflictText } from './actions';
import { refreshConversation } from './list-loader';
import { createSender } from './sender';
import type { PendingSend } from '../store/thread-slice';
import { useUnsent } from './unsent';

const newKey = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;

function explain(err: ApiError): string {
  if (err.code === 'window_closed') return i18n.t('inbox.window.refused');
  if (err.status === 409) return conflictText(err);
  if (err.status === 413) return i18n.t('inbox.composer.tooLarge');
  if (err.status === 415) return i18n.t('inbox.composer.badType');
  return i18n.t('inbox.composer.refused');
}

export const sender = createSender({
  store: inboxStore,
  post: (id, body, key) => inboxApi.send(id, body, key),
  newKey,
  onRefused: (err, id) => {
    notifications.show({ color: 'orange', message: explain(err) });
    void refreshConversation(id);
  },
  unsent: useUnsent.getState(),
});

/** `mentions`: the members the note calls in (their inboxes alert them). */
export async function sendNote(conversationId: string, text: string, mentions: string[] = []): Promise<boolean> {
  try {
    const note = await inboxApi.note(conversationId, text, mentions);
    inboxStore.getState().mergeThreadMessages(conversationId, [note]);
    return true;
  } catch {
    notifications.show({ color: 'red', message: i18n.t('inbox.composer.noteFailed') });
    return false;
  }
}

export function sendFile(conversationId: string, file: File, caption?: string, replyTo?: PendingSend['body']['replyTo']): Promise<void> {
  const upload = () => uploadMedia(file).then((m) => ({ id: m.id, fileName: m.fileName ?? file.name }));
  return sender.sendFile(conversationId, file.name, upload, caption?.trim() || undefined, replyTo);
}
