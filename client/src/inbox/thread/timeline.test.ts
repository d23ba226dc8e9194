import { describe, expect, it } from 'vitest';
import type { ActivityLine, MessageItem } from '../api/inbox-types';
import { timeline } from './timeline';

const msg = (id: string, createdAt: string, type = 'text') => ({ id, createdAt, type, direction: 'in', author: 'contact', text: id, status: 'received' }) as MessageItem;
const line = (id: string, at: string) => ({ id, at, type: 'assigned', by: null, assignee: null, previousAssignee: null, team: null, flow: null, reason: null, auto: false }) as ActivityLine;
const ids = (entries: ReturnType<typeof timeline>) => entries.map((e) => (e.kind === 'message' ? e.m.id : `@${e.line.id}`));

describe('thread timeline', () => {
  it('when lines fall between, before and after messages, then each shows in time order, a line after a message of the same moment', () => {
    const messages = [msg('m1', '2026-12-05T10:00:00Z'), msg('m2', '2026-12-05T10:05:00Z'), msg('r', '2026-12-05T10:06:00Z', 'reaction')];
    const lines = [line('a', '2026-12-05T09:00:00Z'), line('b', '2026-12-05T10:05:00Z'), line('c', '2026-12-05T11:00:00Z')];
    expect(ids(timeline(messages, lines, true))).toEqual(['@a', 'm1', 'm2', '@b', '@c']);
  });

  it('when older messages are still to load, then lines older than the first shown wait with them', () => {
    const lines = [line('old', '2026-12-05T09:00:00Z'), line('new', '2026-12-05T10:01:00Z')];
    expect(ids(timeline([msg('m1', '2026-12-05T10:00:00Z')], lines, false))).toEqual(['m1', '@new']);
  });

  it("when a customer's message reopens a chat people had and puts it back in the queue, then one line says so, not two", () => {
    const reopened = { ...line('re', '2026-12-05T10:00:00.100Z'), type: 'reopened' } as ActivityLine;
    const queued = { ...line('q', '2026-12-05T10:00:00.120Z'), type: 'transferred', reason: 'reopened' } as ActivityLine;
    expect(ids(timeline([], [reopened, queued], true))).toEqual(['@q']);
    // Reopened by a person, or without a queue (back with the bot): the line stays.
    const byAna = { ...reopened, by: { id: 'u', name: 'Ana' } } as ActivityLine;
    expect(ids(timeline([], [byAna, queued], true))).toEqual(['@re', '@q']);
    expect(ids(timeline([], [reopened], true))).toEqual(['@re']);
  });

  it('when a chat has lines and no messages yet, then the lines show', () => {
    expect(ids(timeline([], [line('a', '2026-12-05T09:00:00Z')], true))).toEqual(['@a']);
  });
});
