// The thread's messages and activity lines in one order. Both are stamped when written (not when
// their transaction began), so a transfer follows the bot's goodbye written just before it; a line
// of the very same moment as a message goes after it.
// While older messages are still to load, lines older than the first one shown wait with them.
import type { ActivityLine, MessageItem } from '../api/inbox-types';

export type TimelineEntry = { kind: 'message'; m: MessageItem } | { kind: 'activity'; line: ActivityLine };

const at = (e: TimelineEntry) => Date.parse(e.kind === 'message' ? e.m.createdAt : e.line.at);

/**
 * A customer writing to a closed chat that people had reopens it and puts it back in the queue: two
 * lines of one moment ("wrote again: chat reopened", "wrote again: back in the queue"). The second
 * says both, so the first goes.
 */
function withoutEchoes(activity: ActivityLine[]): ActivityLine[] {
  return activity.filter((l, i) => {
    if (l.type !== 'reopened' || l.by) return true;
    const next = activity.slice(i + 1).find((n) => Math.abs(Date.parse(n.at) - Date.parse(l.at)) <= 1000 && n.type === 'transferred' && n.reason === 'reopened');
    return !next;
  });
}

export function timeline(messages: MessageItem[], activity: ActivityLine[], complete: boolean): TimelineEntry[] {
  const first = messages[0] ? Date.parse(messages[0].createdAt) : -Infinity;
  const lines = withoutEchoes(activity).filter((l) => complete || Date.parse(l.at) >= first).map((line) => ({ kind: 'activity' as const, line }));
  const shown = messages.filter((m) => m.type !== 'reaction').map((m) => ({ kind: 'message' as const, m }));
  const out: TimelineEntry[] = [];
  let i = 0;
  for (const m of shown) {
    while (i < lines.length && at(lines[i]!) < at(m)) out.push(lines[i++]!);
    out.push(m);
  }
  return [...out, ...lines.slice(i)];
}
