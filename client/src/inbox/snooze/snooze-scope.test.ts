import { describe, expect, it } from 'vitest';
import { seesAllSnoozed, snoozedCount } from './snooze-scope';

const counts = { waiting: 0, mine: 1, mineUnread: 0, unassigned: 0, bot: 0, human: 3, closed: 0, snoozed: 1, snoozedAll: 4 };

describe("whose snoozed chats the Snoozed folder holds", () => {
  it("is every holder's for an owner or admin (as the server lets them snooze a colleague's chat), an agent's own otherwise", () => {
    expect(['owner', 'admin', 'agent', 'marketer', null].map((r) => seesAllSnoozed(r as never))).toEqual([true, true, false, false, false]);
    expect(snoozedCount(counts, 'owner')).toBe(4);
    expect(snoozedCount(counts, 'admin')).toBe(4);
    expect(snoozedCount({ ...counts, snoozedAll: null }, 'agent')).toBe(1);
    expect(snoozedCount(null, 'owner')).toBeNull();
  });
});
