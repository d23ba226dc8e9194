// What an agent has typed and not sent, per conversation: switching chats (a click, J/K, Alt+↓)
// takes the text along with its own chat, never into the next customer's box. Kept for the tab's
// life (sessionStorage), so a reload does not lose a half-written answer either.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { useAuthStore } from '../../auth/auth-store';

type Drafts = { drafts: Record<string, string>; setDraft(conversationId: string, text: string): void };

export const useDrafts = create<Drafts>()(
  persist(
    (set) => ({
      drafts: {},
      setDraft: (conversationId, text) =>
        set((s) => {
          const drafts = { ...s.drafts };
          if (text) drafts[conversationId] = text;
          else delete drafts[conversationId];
          return { drafts };
        }),
    }),
    { name: 'zyntra.inbox.drafts', storage: createJSONStorage(() => sessionStorage) },
  ),
);

// Signing out forgets them: the next person at this computer must not find a customer's answer half-written.
useAuthStore.subscribe((s, before) => {
  if (before.token && !s.token) useDrafts.setState({ drafts: {} });
});
