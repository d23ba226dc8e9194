// Texts an agent sent that did not go through (the network dropped): kept for the tab's life
// (sessionStorage, as drafts are), so a reload still shows each with its retry instead of losing the
// answer. A retry reuses the message's Idempotency-Key, so one that did reach the server is not sent
// twice. Files are not kept: the file itself does not survive a reload.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { useAuthStore } from '../../auth/auth-store';
import type { PendingSend } from '../store/thread-slice';

type Unsent = {
  byConversation: Record<string, PendingSend[]>;
  keep(conversationId: string, p: PendingSend): void;
  forget(conversationId: string, localId: string): void;
};

export const useUnsent = create<Unsent>()(
  persist(
    (set) => ({
      byConversation: {},
      keep: (conversationId, p) =>
        set((s) => {
          const others = (s.byConversation[conversationId] ?? []).filter((x) => x.localId !== p.localId);
          return { byConversation: { ...s.byConversation, [conversationId]: [...others, { ...p, state: 'failed' }] } };
        }),
      forget: (conversationId, localId) =>
        set((s) => {
          const left = (s.byConversation[conversationId] ?? []).filter((x) => x.localId !== localId);
          const { [conversationId]: _gone, ...rest } = s.byConversation;
          return { byConversation: left.length ? { ...rest, [conversationId]: left } : rest };
        }),
    }),
    { name: 'zyntra.inbox.unsent', storage: createJSONStorage(() => sessionStorage) },
  ),
);

/** The unsent texts of a conversation, oldest first. */
export const unsentOf = (conversationId: string): PendingSend[] => useUnsent.getState().byConversation[conversationId] ?? [];

// Signing out forgets them, as it forgets drafts: the next person at this computer must not find them.
useAuthStore.subscribe((s, before) => {
  if (before.token && !s.token) useUnsent.setState({ byConversation: {} });
});
