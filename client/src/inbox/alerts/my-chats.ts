// The open chats assigned to the signed-in agent, kept from the events that say who holds a chat,
// so a customer's message in one of them can alert without a request per message (every browser
// hears every customer message of the workspace).
import type { InboxEvent } from '../api/inbox-types';

export type MyChats = ReturnType<typeof createMyChats>;

export function createMyChats(meId: () => string | null) {
  let ids = new Set<string>();
  return {
    has: (id: string) => ids.has(id),
    /** The server's list (on start and after a reconnect), replacing what the events built up. */
    reset(list: string[]) {
      ids = new Set(list);
    },
    track(e: InboxEvent) {
      const id = e.conversationId;
      if (!id) return;
      // Back in a team's queue: nobody holds it.
      if (e.type === 'conversation.transferred') ids.delete(id);
      // Assigned, taken by a reply, handed back, closed, reopened: each says who holds it now.
      else if ('assigneeId' in e && typeof e.status === 'string') {
        const mine = e.assigneeId !== null && e.assigneeId === meId() && e.status !== 'closed' && e.status !== 'bot';
        if (mine) ids.add(id);
        else ids.delete(id);
      }
    },
  };
}
