// The thread's messages and activity lines in one order. Both are stamped when written (not when
// their transaction began), so a transfer follows the bot's goodbye written just before it; a line
// of the very same moment as a message goes after it.
// While older messages are still to load, lines older than the first one shown wait with them.
import type { ActivityLine, MessageItem } from '../api/inbox-types';

export type TimelineEntry = { kind: 'message'; m: MessageItem } | { kind: 'activity'; line: ActivityLine };

const at = (e: TimelineEntry) => Date.parse(e.kind === 'message' ? e.m.createdAt : e.line.at);

export function timeline(messages: MessageItem[], activity: ActivityLine[], complete: boolean): TimelineEntry[] {
  const first = messages[0] ? Date.parse(messages[0].createdAt) : -Infinity;
  const lines = activity.filter((l) => complete || Date.parse(l.at) >= first).map((line) => ({ kind: 'activity' as const, line }));
  const shown = messages.filter((m) => m.type !== 'reaction').map((m) => ({ kind: 'message' as const, m }));
  const out: TimelineEntry[] = [];
  let i = 0;
  for (const m of shown) {
    while (i < lines.length && at(lines[i]!) < at(m)) out.push(lines[i++]!);
    out.push(m);
  }
  return [...out, ...lines.slice(i)];
}
