// Agent sends with an Idempotency-Key per message: the bubble shows at once, a network failure
// leaves it with a retry button, and a retry reuses the key so the server never sends it twice.
import { ApiError } from '../../api/errors';
import type { MessageItem } from '../api/inbox-types';
import type { InboxStore } from '../store/inbox-store';
import type { PendingSend } from '../store/thread-slice';

export interface SenderDeps {
  store: InboxStore;
  post(conversationId: string, body: { text: string } | { mediaId: string; text?: string }, key: string): Promise<MessageItem>;
  newKey(): string;
  /** A refusal that retrying will not fix (window closed, someone else owns the chat…). */
  onRefused(err: ApiError, conversationId: string): void;
}

export function createSender(deps: SenderDeps) {
  async function attempt(conversationId: string, p: PendingSend): Promise<void> {
    const s = () => deps.store.getState();
    s().updatePending(conversationId, p.localId, { state: 'sending' });
    const body = 'text' in p.body ? { text: p.body.text } : { mediaId: p.body.mediaId, ...(p.body.caption ? { text: p.body.caption } : {}) };
    try {
      const stored = await deps.post(conversationId, body, p.key);
      s().updatePending(conversationId, p.localId, { serverId: stored.id });
      s().mergeThreadMessages(conversationId, [stored]);
    } catch (err) {
      const retryable = !(err instanceof ApiError) || err.status === 0 || err.status >= 500 || err.status === 429;
      if (retryable) return s().updatePending(conversationId, p.localId, { state: 'failed' });
      // Refused for good: take the bubble away and say why.
      s().dropPending(conversationId, p.localId);
      deps.onRefused(err, conversationId);
    }
  }

  return {
    send(conversationId: string, body: PendingSend['body']): Promise<void> {
      const p: PendingSend = { localId: `local-${deps.newKey()}`, key: deps.newKey(), body, state: 'sending', serverId: null, createdAt: new Date().toISOString() };
      deps.store.getState().addPending(conversationId, p);
      return attempt(conversationId, p);
    },
    retry(conversationId: string, localId: string): Promise<void> {
      const p = deps.store.getState().thread?.pending.find((x) => x.localId === localId);
      return p ? attempt(conversationId, p) : Promise.resolve();
    },
  };
}
