import { describe, expect, it } from 'vitest';
import { pendingChats, pendingElsewhere } from './pending';

describe('pendingChats', () => {
  it('when chats wait and the agent has unread ones, then both count', () => {
    expect(pendingChats({ waiting: 2, mineUnread: 3 })).toBe(5);
  });

  it('when the counts have not loaded yet, then nothing is pending', () => {
    expect(pendingChats(null)).toBe(0);
  });
});

describe('pendingElsewhere', () => {
  it('when the open chat is waiting, then it is not counted as another one', () => {
    expect(pendingElsewhere({ waiting: 3, mineUnread: 1 }, 'waiting')).toBe(3);
    expect(pendingElsewhere({ waiting: 1, mineUnread: 0 }, 'waiting')).toBe(0);
  });

  it('when the open chat is held, handed to the bot or closed, then every pending chat is another one', () => {
    for (const status of ['human', 'bot', 'closed', undefined]) expect(pendingElsewhere({ waiting: 2, mineUnread: 1 }, status)).toBe(3);
  });

  it('when the counts lag behind the open chat (it is waiting but not counted yet), then none is shown rather than a negative', () => {
    expect(pendingElsewhere({ waiting: 0, mineUnread: 0 }, 'waiting')).toBe(0);
  });
});
