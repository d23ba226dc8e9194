import { describe, expect, it } from 'vitest';
import type { InboxEvent } from '../api/inbox-types';
import { createMyChats } from './my-chats';

const ev = (type: string, extra: Record<string, unknown> = {}): InboxEvent => ({ id: 1, type, at: '', conversationId: 'c1', ...extra });

describe('my chats', () => {
  it('when a chat is assigned to me, then it is mine until it is closed, handed back, transferred or given to someone else', () => {
    const mine = createMyChats(() => 'me');
    mine.track(ev('conversation.assigned', { status: 'human', assigneeId: 'me' }));
    expect(mine.has('c1')).toBe(true);
    mine.track(ev('message.received'));
    expect(mine.has('c1')).toBe(true);
    for (const e of [
      ev('conversation.closed', { status: 'closed', assigneeId: 'me' }),
      ev('conversation.handed_back', { status: 'bot', assigneeId: null }),
      ev('conversation.transferred'),
      ev('conversation.assigned', { status: 'human', assigneeId: 'other' }),
    ]) {
      mine.reset(['c1']);
      mine.track(e);
      expect(mine.has('c1'), e.type).toBe(false);
    }
  });

  it('when I reply to or reopen a chat, then it is mine; a chat of someone else never is', () => {
    const mine = createMyChats(() => 'me');
    mine.track(ev('message.created', { author: 'agent', status: 'human', assigneeId: 'me' }));
    mine.track(ev('conversation.reopened', { conversationId: 'c2', status: 'human', assigneeId: 'me' }));
    mine.track(ev('conversation.assigned', { conversationId: 'c3', status: 'human', assigneeId: 'other' }));
    expect(['c1', 'c2', 'c3'].map(mine.has)).toEqual([true, true, false]);
  });
});
