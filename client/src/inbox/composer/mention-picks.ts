// The members an agent picked from the `@` list, per chat, until the note is sent: the note's text
// says `@Name`, these say which member that name was.
import { create } from 'zustand';
import type { Mentionable } from './mention-query';

interface MentionPicks {
  picks: Record<string, Mentionable[]>;
  add(conversationId: string, member: Mentionable): void;
  clear(conversationId: string): void;
}

export const useMentionPicks = create<MentionPicks>()((set) => ({
  picks: {},
  add: (id, member) => set((s) => ({ picks: { ...s.picks, [id]: [...(s.picks[id] ?? []).filter((m) => m.userId !== member.userId), member] } })),
  clear: (id) => set((s) => {
    const { [id]: _gone, ...rest } = s.picks;
    return { picks: rest };
  }),
}));
