// Agent sends with an Idempotency-Key per message: the bubble shows at once, a network failure
// leaves it with a retry button, and a retry reuses the key so the server never sends it twice.
import { isRetryable, type ApiError } from '../../api/errors';
import type { MessageItem } from '../api/inbox-types';
import type { InboxStore } from '../store/inbox-store';
import type { PendingSend } from '../store/thread-slice';

/** Puts a file in our storage; the answer names it for the send. */
export type Upload = () => Promise<{ id: string; fileName: string }>;

export interface SenderDeps {
  store: InboxStore;
  post(conversationId: string, body: ({ text: string } | { mediaId: string; text?: string }) & { replyTo?: string }, key: string): Promise<MessageItem>;
  newKey(): string;
  /** A refusal that retrying will not fix (window closed, someone else owns the chat…). */
  onRefused(err: ApiError, conversationId: string): void;
  /** Where failed texts are kept across a reload (and forgotten once sent or refused). */
  unsent?: { keep(conversationId: string, p: PendingSend): void; forget(conversationId: string, localId: string): void };
}


export function createSender(deps: SenderDeps) {
  /** Files whose upload has not succeeded yet, by bubble: a retry uploads again. */
  const uploads = new Map<string, Upload>();

  async function attempt(conversationId: string, p: PendingSend): Promise<void> {
    const s = () => deps.store.getState();
    const upload = uploads.get(p.localId);
    if (upload && 'mediaId' in p.body) {
      s().updatePending(conversationId, p.localId, { state: 'uploading' });
      try {
        const media = await upload();
        p = { ...p, body: { ...p.body, mediaId: media.id, fileName: media.fileName } };
        s().updatePending(conversationId, p.localId, { body: p.body });
        uploads.delete(p.localId);
      } catch (err) {
        if (isRetryable(err)) return s().updatePending(conversationId, p.localId, { state: 'failed' });
        uploads.delete(p.localId);
        s().dropPending(conversationId, p.localId);
        return deps.onRefused(err as ApiError, conversationId);
      }
    }
    s().updatePending(conversationId, p.localId, { state: 'sending' });
    const quoted = p.body.replyTo?.id ? { replyTo: p.body.replyTo.id } : {};
    const body = 'text' in p.body ? { text: p.body.text, ...quoted } : { mediaId: p.body.mediaId, ...(p.body.caption ? { text: p.body.caption } : {}), ...quoted };
    try {
      const stored = await deps.post(conversationId, body, p.key);
      deps.unsent?.forget(conversationId, p.localId);
      s().updatePending(conversationId, p.localId, { serverId: stored.id });
      s().mergeThreadMessages(conversationId, [stored]);
    } catch (err) {
      if (isRetryable(err)) {
        if ('text' in p.body) deps.unsent?.keep(conversationId, p);
        return s().updatePending(conversationId, p.localId, { state: 'failed' });
      }
      // Refused for good: take the bubble away and say why.
      deps.unsent?.forget(conversationId, p.localId);
      s().dropPending(conversationId, p.localId);
      deps.onRefused(err as ApiError, conversationId);
    }
  }

  return {
    send(conversationId: string, body: PendingSend['body']): Promise<void> {
      const p: PendingSend = { localId: `local-${deps.newKey()}`, key: deps.newKey(), body, state: 'sending', serverId: null, createdAt: new Date().toISOString() };
      deps.store.getState().addPending(conversationId, p);
      return attempt(conversationId, p);
    },
    /** A file: its bubble shows at once while it uploads (a slow phone must not look like nothing happened). */
    sendFile(conversationId: string, fileName: string, upload: Upload, caption?: string, replyTo?: PendingSend['body']['replyTo']): Promise<void> {
      const p: PendingSend = {
        localId: `local-${deps.newKey()}`, key: deps.newKey(), body: { mediaId: '', fileName, ...(caption ? { caption } : {}), ...(replyTo ? { replyTo } : {}) },
        state: 'uploading', serverId: null, createdAt: new Date().toISOString(),
      };
      uploads.set(p.localId, upload);
      deps.store.getState().addPending(conversationId, p);
      return attempt(conversationId, p);
    },
    retry(conversationId: string, localId: string): Promise<void> {
      const p = deps.store.getState().thread?.pending.find((x) => x.localId === localId);
      return p ? attempt(conversationId, p) : Promise.resolve();
    },
  };
}
