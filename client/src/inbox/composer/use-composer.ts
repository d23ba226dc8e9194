// The composer's state: text, reply or note mode, the `/shortcut` picker and sending.
import { useState, type KeyboardEvent } from 'react';
import { create } from 'zustand';
import { useAuthStore } from '../../auth/auth-store';
import type { CannedResponse, ConversationDetail } from '../api/inbox-types';
import { fillPlaceholders, firstPlaceholder } from '../store/thread-ops';
import { sender, sendNote } from '../sync/send-service';
import { matchCanned, slashQuery } from './canned-match';
import { useDrafts } from './drafts';
import { listKeys } from './list-keys';
import { useMentionPicks } from './mention-picks';
import { mentionedIds } from './mention-query';
import { useQuoteFor, useReplyTarget } from './reply-target';
import { useCannedResponses } from './use-canned';
import { useTypingSignal } from './use-typing';

export type ComposerMode = 'reply' | 'note';

/**
 * Reply or note: outside the component so the N shortcut can switch it. `focusFor`: the chat whose
 * reply box takes the focus once it is drawn (Alt+↓ from the box opens the next chat, whose box is
 * not there yet).
 */
export const useComposerMode = create<{ mode: ComposerMode; setMode(mode: ComposerMode): void; focusFor: string | null; setFocusFor(id: string | null): void }>()((set) => ({
  mode: 'reply',
  setMode: (mode) => set({ mode }),
  focusFor: null,
  setFocusFor: (focusFor) => set({ focusFor }),
}));

export function useComposer(detail: ConversationDetail | null | undefined, canReply: boolean) {
  const id = detail?.id;
  const text = useDrafts((s) => (id ? s.drafts[id] ?? '' : ''));
  const setDraft = useDrafts((s) => s.setDraft);
  const setText = (value: string) => id && setDraft(id, value);
  const { mode, setMode } = useComposerMode();
  const [active, setActive] = useState(0);
  const canned = useCannedResponses();
  const agent = useAuthStore((s) => s.user?.name ?? '');
  const typing = useTypingSignal(detail?.id);
  // The message the reply answers; a note quotes nothing.
  const chosen = useQuoteFor(id);
  const quote = mode === 'reply' ? chosen : null;
  const query = slashQuery(text);
  const matches = query === null ? [] : matchCanned(canned, query);
  // A canned response's placeholder this chat has no value for (a web-chat visitor has no name):
  // the customer must never get "{{contact.name}}", so the reply waits until the agent fills it in.
  const blank = mode === 'reply' ? firstPlaceholder(text) : null;
  // Where the composer should select once the text is in: the blank to type over.
  const [selectBlank, setSelectBlank] = useState<{ start: number; end: number } | null>(null);

  const pick = (c: CannedResponse) => {
    const filled = fillPlaceholders(c.text, { 'contact.name': detail?.contact.name, 'contact.phone': detail?.contact.phone, 'agent.name': agent });
    setText(filled);
    setSelectBlank(firstPlaceholder(filled));
    setActive(0);
  };

  const submit = async () => {
    const body = text.trim();
    if (!detail || !body) return;
    if (mode === 'note') {
      // Only the picked members whose @Name the note still says are called in.
      const mentions = mentionedIds(body, useMentionPicks.getState().picks[detail.id] ?? []);
      if (!(await sendNote(detail.id, body, mentions))) return;
      // Cleared only if the agent has not typed on meanwhile.
      if (useDrafts.getState().drafts[detail.id] === text) {
        setDraft(detail.id, '');
        useMentionPicks.getState().clear(detail.id);
      }
      return;
    }
    if (!canReply || blank) return;
    setDraft(detail.id, '');
    typing.stop();
    useReplyTarget.getState().clear();
    await sender.send(detail.id, { text: body, ...(quote ? { replyTo: quote } : {}) });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    // Escape drops the quoted message (after the canned picker, which it closes first).
    if (e.key === 'Escape' && quote && !(query !== null && mode === 'reply')) {
      e.preventDefault();
      return useReplyTarget.getState().clear();
    }
    // The shortcut list is open (a reply's text is a bare `/shortcut`): its keys pick, and Enter
    // never sends the shortcut itself to the customer, matched or mistyped. Escape clears it.
    if (query !== null && mode === 'reply') {
      const moves: Record<string, (() => void) | undefined> = { Enter: () => undefined, ...listKeys(matches, active, setActive, pick), Escape: () => setText('') };
      const move = moves[e.key];
      if (move) {
        e.preventDefault();
        return move();
      }
    }
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void submit();
    }
  };

  const change = (value: string) => {
    setText(value);
    setActive(0);
    if (mode === 'reply' && value) typing.typed();
  };

  return { text, setText: change, mode, setMode, quote, query, matches, active, pick, submit, onKeyDown, blank, selectBlank, blankSelected: () => setSelectBlank(null) };
}
