import { describe, expect, it } from 'vitest';
import { listQuery } from './inbox-api';
import { defaultFilter } from '../store/list-slice';

describe('list query', () => {
  it("when the folder is Mine, then it asks for the caller's chats that are not closed, as its count and live updates have them", () => {
    expect(Object.fromEntries(new URLSearchParams(listQuery({ ...defaultFilter, folder: 'mine' }, null)))).toEqual({ assigneeId: 'me', open: 'true', limit: '30' });
  });

  it('when searching a folder with filters, then the folder, the filters and the words go together', () => {
    const q = new URLSearchParams(listQuery({ ...defaultFilter, folder: 'waiting', tag: 'vip', q: ' maria ' }, 'c1', 10));
    expect(Object.fromEntries(q)).toEqual({ status: 'waiting', tag: 'vip', q: 'maria', cursor: 'c1', limit: '10' });
  });

  it("when the folder is Snoozed, then an agent asks for their own and a supervisor for every holder's", () => {
    const snoozed = { ...defaultFilter, folder: 'snoozed' as const };
    expect(Object.fromEntries(new URLSearchParams(listQuery(snoozed, null)))).toEqual({ assigneeId: 'me', open: 'true', snoozed: 'true', limit: '30' });
    expect(Object.fromEntries(new URLSearchParams(listQuery(snoozed, null, 30, true)))).toEqual({ open: 'true', snoozed: 'true', limit: '30' });
  });
});
