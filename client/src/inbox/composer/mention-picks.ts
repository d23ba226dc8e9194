// The members an agent picked from the `@` list, per chat, until the note is sent: the note's text
// says `@Name`, these say which member that name was. Kept for the tab's life beside the drafts
// (sessionStorage), so a note half-written before a reload still calls in whom its text names.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { useAuthStore } from '../../auth/auth-store';
import type { Mentionable } from './mention-query';

interface MentionPicks {
  picks: Record<string, Mentionable[]>;
  add(conversationId: string, member: Mentionable): void;
  clear(conversationId: string): void;
}

export const useMentionPicks = create<MentionPicks>()(
  persist(
    (set) => ({
      picks: {},
      add: (id, member) => set((s) => ({ picks: { ...s.picks, [id]: [...(s.picks[id] ?? []).filter((m) => m.userId !== member.userId), member] } })),
      clear: (id) => set((s) => {
        const { [id]: _gone, ...rest } = s.picks;
        return { picks: rest };
      }),
    }),
    { name: 'zyntra.inbox.mentions', storage: createJSONStorage(() => sessionStorage) },
  ),
);

// Signing out forgets them with the drafts they belong to.
useAuthStore.subscribe((s, before) => {
  if (before.token && !s.token) useMentionPicks.setState({ picks: {} });
});
