// The `@name` picker of a private note: which `@word` the caret is in, what picking a member does to
// the text, and which picked members the text still names when the note is sent. Pure.

export interface MentionQuery {
  /** What follows the `@`, as typed. */
  query: string;
  /** Where the `@` is. */
  start: number;
  /** The caret (the end of the word being typed). */
  end: number;
}

/** A member that can be mentioned. */
export interface Mentionable {
  userId: string;
  name: string;
}

/**
 * The `@word` being typed at the caret: the `@` starts the text or follows a space or a line break
 * (an e-mail address is no mention), and no space since. Null when the caret is not in one.
 */
export function activeMention(text: string, caret: number): MentionQuery | null {
  const before = text.slice(0, caret);
  const m = /(^|\s)@([\p{L}\p{M}\p{N}._'-]*)$/u.exec(before);
  if (!m) return null;
  const start = caret - m[2]!.length - 1;
  return { query: m[2]!, start, end: caret };
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Members whose name (or one of its words) starts with the query, then those that contain it; accents and case aside. */
export function matchMembers<M extends Mentionable>(members: M[], query: string, limit = 8): M[] {
  const q = fold(query);
  const starts = members.filter((m) => fold(m.name).split(/\s+/).some((w) => w.startsWith(q)));
  const contains = members.filter((m) => !starts.includes(m) && fold(m.name).includes(q));
  return [...starts, ...contains].slice(0, limit);
}

/** The text with the `@word` replaced by `@Name ` and where the caret goes next. */
export function applyMention(text: string, at: MentionQuery, member: Mentionable): { text: string; caret: number } {
  const inserted = `@${member.name} `;
  const rest = text.slice(at.end).replace(/^ /, '');
  return { text: text.slice(0, at.start) + inserted + rest, caret: at.start + inserted.length };
}

/** The picked members whose `@Name` is still in the text, each once: a mention the agent deleted is dropped. */
export function mentionedIds(text: string, picked: Mentionable[]): string[] {
  const ids = picked.filter((m) => text.includes(`@${m.name}`)).map((m) => m.userId);
  return [...new Set(ids)];
}

/** The text cut into plain parts and `@Name` parts of the mentioned members (longest names first). */
export function splitMentions(text: string, members: Mentionable[]): Array<{ text: string; userId?: string }> {
  const named = [...members].filter((m) => m.name).sort((a, b) => b.name.length - a.name.length);
  const parts: Array<{ text: string; userId?: string }> = [];
  let plain = '';
  for (let i = 0; i < text.length; ) {
    const hit = text[i] === '@' ? named.find((m) => text.startsWith(`@${m.name}`, i)) : undefined;
    if (!hit) {
      plain += text[i++];
      continue;
    }
    if (plain) parts.push({ text: plain });
    plain = '';
    parts.push({ text: `@${hit.name}`, userId: hit.userId });
    i += hit.name.length + 1;
  }
  if (plain) parts.push({ text: plain });
  return parts;
}
