import { describe, expect, it } from 'vitest';
import type { ConversationItem, ListFilter } from '../api/inbox-types';
import { appendPage, inPlaceOf, matchesFilter, neighbour, upsertConversation } from './list-ops';

const conv = (id: string, at: string, extra: Partial<ConversationItem> = {}): ConversationItem => ({
  id, status: 'waiting', channelId: 'ch1', assigneeId: null, teamId: null, lastMessageAt: at, unreadCount: 0, createdAt: at,
  contact: { id: `k${id}`, name: id, phone: null, tags: [] }, ...extra,
});
const filter = (extra: Partial<ListFilter> = {}): ListFilter => ({ folder: 'waiting', channelId: null, teamId: null, tag: null, q: '', ...extra });

describe('conversation list ops', () => {
  it('when a conversation gets new activity, then it moves to the top once', () => {
    const list = [conv('a', '2026-01-03'), conv('b', '2026-01-02'), conv('c', '2026-01-01')];
    const next = upsertConversation(list, conv('c', '2026-01-04'), true);
    expect(next.map((c) => c.id)).toEqual(['c', 'a', 'b']);
  });

  it('when a conversation no longer matches (taken out of waiting), then it leaves the list', () => {
    const list = [conv('a', '2026-01-03'), conv('b', '2026-01-02')];
    expect(upsertConversation(list, conv('a', '2026-01-03', { status: 'human' }), false).map((c) => c.id)).toEqual(['b']);
    expect(upsertConversation(list, conv('z', '2026-01-05'), false)).toBe(list);
  });

  it('when a row found by a search is refreshed by an event, then it keeps the message the search found', () => {
    const match = { messageId: 'm1', text: 'minha encomenda chegou quebrada' };
    const list = [conv('a', '2026-01-03', { match })];
    expect(upsertConversation(list, conv('a', '2026-01-04'), true)[0]!.match).toEqual(match);
    expect(upsertConversation(list, conv('a', '2026-01-04', { match: null }), true)[0]!.match).toBeNull();
  });

  it('when equal times, then the higher id comes first like the server keyset', () => {
    const next = appendPage([conv('a', '2026-01-01')], [conv('b', '2026-01-01'), conv('a', '2026-01-01')]);
    expect(next.map((c) => c.id)).toEqual(['b', 'a']);
  });

  it('folders and filters decide membership', () => {
    const me = 'u1';
    const mine = conv('m', 'x', { status: 'human', assigneeId: me, teamId: 't1', contact: { id: 'k', name: null, phone: null, tags: ['vip'] } });
    expect(matchesFilter(mine, filter({ folder: 'mine' }), me)).toBe(true);
    expect(matchesFilter(mine, filter({ folder: 'mine' }), 'u2')).toBe(false);
    expect(matchesFilter(mine, filter({ folder: 'unassigned' }), me)).toBe(false);
    expect(matchesFilter(conv('h', 'x', { status: 'human' }), filter({ folder: 'unassigned' }), me)).toBe(true);
    expect(matchesFilter(mine, filter({ folder: 'mine', tag: 'vip', teamId: 't1' }), me)).toBe(true);
    expect(matchesFilter(mine, filter({ folder: 'mine', tag: 'other' }), me)).toBe(false);
    expect(matchesFilter(mine, filter({ folder: 'mine', channelId: 'ch2' }), me)).toBe(false);
    expect(matchesFilter({ ...mine, status: 'closed' }, filter({ folder: 'mine' }), me)).toBe(false);
    expect(matchesFilter({ ...mine, status: 'closed' }, filter({ folder: 'closed' }), me)).toBe(true);
    // "All" holds a colleague's chat and a closed one alike; its filters still apply.
    expect(matchesFilter(mine, filter({ folder: 'all' }), 'u2')).toBe(true);
    expect(matchesFilter({ ...mine, status: 'closed' }, filter({ folder: 'all' }), 'u2')).toBe(true);
    expect(matchesFilter(mine, filter({ folder: 'all', tag: 'other' }), 'u2')).toBe(false);
  });

  it('when a chat is snoozed, then it is only in Snoozed (or found by a search) until its time passes', () => {
    const me = 'u1';
    const now = Date.parse('2026-12-06T15:00:00Z');
    const snoozed = conv('s', 'x', { status: 'human', assigneeId: me, snoozedUntil: '2026-12-07T12:00:00Z' });
    expect(matchesFilter(snoozed, filter({ folder: 'mine' }), me, now)).toBe(false);
    expect(matchesFilter(snoozed, filter({ folder: 'all' }), me, now)).toBe(false);
    expect(matchesFilter(snoozed, filter({ folder: 'snoozed' }), me, now)).toBe(true);
    expect(matchesFilter(snoozed, filter({ folder: 'snoozed' }), 'u2', now)).toBe(false);
    expect(matchesFilter(snoozed, filter({ folder: 'mine', q: 'maria' }), me, now)).toBe(true);
    const later = Date.parse('2026-12-07T12:00:01Z');
    expect(matchesFilter(snoozed, filter({ folder: 'mine' }), me, later)).toBe(true);
    expect(matchesFilter(snoozed, filter({ folder: 'snoozed' }), me, later)).toBe(false);
  });

  it("when a supervisor looks at Snoozed, then a colleague's snoozed chat is there too; an agent's Snoozed keeps to their own", () => {
    const now = Date.parse('2026-12-06T15:00:00Z');
    const brunos = conv('b', 'x', { status: 'human', assigneeId: 'bruno', snoozedUntil: '2026-12-07T12:00:00Z' });
    expect(matchesFilter(brunos, filter({ folder: 'snoozed' }), 'owner', now, true)).toBe(true);
    expect(matchesFilter(brunos, filter({ folder: 'snoozed' }), 'ana', now, false)).toBe(false);
    expect(matchesFilter(brunos, filter({ folder: 'mine' }), 'owner', now, true)).toBe(false);
    // Its time passed, or it is no longer a person's: out of the supervisor's Snoozed too.
    expect(matchesFilter(brunos, filter({ folder: 'snoozed' }), 'owner', Date.parse('2026-12-07T12:00:01Z'), true)).toBe(false);
    expect(matchesFilter({ ...brunos, status: 'closed' }, filter({ folder: 'snoozed' }), 'owner', now, true)).toBe(false);
  });

  it('next and previous stay within the list', () => {
    const list = [conv('a', '3'), conv('b', '2'), conv('c', '1')];
    expect(neighbour(list, null, 1)).toBe('a');
    expect(neighbour(list, 'a', 1)).toBe('b');
    expect(neighbour(list, 'c', 1)).toBe('c');
    expect(neighbour(list, 'a', -1)).toBe('a');
    expect(neighbour([], 'a', 1)).toBeNull();
  });

  it('when a row leaves the list, then the row in its place is the next one that stayed, else the one before, else none', () => {
    const [a, b, c, d] = [conv('a', '4'), conv('b', '3'), conv('c', '2'), conv('d', '1')];
    expect(inPlaceOf([a, b, c, d], [a, c, d], 'b')).toBe('c');
    // The next one left with it (a live update took both): the first after it that stayed.
    expect(inPlaceOf([a, b, c, d], [a, d], 'b')).toBe('d');
    expect(inPlaceOf([a, b, c, d], [a, b, c], 'd')).toBe('c');
    // Still listed, though moved (new activity): itself.
    expect(inPlaceOf([a, b, c], [b, a, c], 'b')).toBe('b');
    expect(inPlaceOf([a], [], 'a')).toBeNull();
    // A row the old list did not have: the new list's first.
    expect(inPlaceOf([a], [b, c], 'x')).toBe('b');
  });
});
