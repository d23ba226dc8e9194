// The `@` list of a private note: open while the caret is in an `@word`, filtered as the agent types;
// arrows move, Enter or Tab picks, Escape closes it for that word.
import { useEffect, useState, type KeyboardEvent, type RefObject } from 'react';
import { useAuthStore } from '../../auth/auth-store';
import { canSee } from '../../auth/roles';
import { useInbox } from '../store/inbox-store';
import { listKeys } from './list-keys';
import { useMentionPicks } from './mention-picks';
import { activeMention, applyMention, matchMembers, type Mentionable } from './mention-query';

export function useMentions(conversationId: string | undefined, text: string, setText: (value: string) => void, enabled: boolean, input: RefObject<HTMLTextAreaElement | null>) {
  const members = useInbox((s) => s.members);
  const me = useAuthStore((s) => s.user?.id);
  const [caret, setCaret] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  // The `@` whose list the agent closed with Escape: it stays closed until another `@` is typed.
  const [dismissed, setDismissed] = useState<number | null>(null);
  const [moveCaret, setMoveCaret] = useState<number | null>(null);
  const found = enabled && caret !== null ? activeMention(text, caret) : null;
  const at = found && found.start !== dismissed ? found : null;
  // Teammates who work in the inbox; the agent does not call themselves in.
  const people = members.filter((m) => m.userId !== me && canSee('inbox', m.role as Parameters<typeof canSee>[1]));
  const matches = at ? matchMembers(people, at.query) : [];

  useEffect(() => {
    if (moveCaret === null || !input.current) return;
    input.current.focus();
    input.current.setSelectionRange(moveCaret, moveCaret);
    setMoveCaret(null);
  }, [moveCaret, input]);

  const pick = (member: Mentionable) => {
    if (!at || !conversationId) return;
    const next = applyMention(text, at, member);
    useMentionPicks.getState().add(conversationId, { userId: member.userId, name: member.name });
    setText(next.text);
    setCaret(next.caret);
    setMoveCaret(next.caret);
    setActive(0);
  };

  /** True when the key was the list's (the composer must not also send). */
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!at || e.nativeEvent.isComposing) return false;
    const keys = listKeys(matches, active, setActive, pick);
    // Shift+Enter stays a new line in the note.
    const moves: Record<string, (() => void) | undefined> = { ...keys, Enter: e.shiftKey ? undefined : keys.Enter, Escape: () => setDismissed(at.start) };
    const move = moves[e.key];
    if (!move) return false;
    e.preventDefault();
    e.stopPropagation();
    move();
    return true;
  };

  /** The caret moved or the text changed (`value`: the text as it is now). */
  const onCaret = (position: number | null, value = text) => {
    if (position !== caret) setActive(0);
    setCaret(position);
    if (dismissed !== null && activeMention(value, position ?? 0)?.start !== dismissed) setDismissed(null);
  };

  return { open: at !== null, query: at?.query ?? '', matches, active, pick, onKeyDown, onCaret };
}
