import { describe, expect, it } from 'vitest';
import { appendItem, mergeHistory } from './chat-order';
import type { ChatItem } from './test-api';

const at = '2026-12-02T10:00:00.123Z';
const item = (id: string, direction: 'in' | 'out' = 'out'): ChatItem => ({ id, direction, text: id, createdAt: at });
const ids = (items: ChatItem[]) => items.map((m) => m.id);

describe('test chat order', () => {
  it('when two replies share a millisecond and the second was pushed first, then the stored history puts them back in order', () => {
    const pushed = appendItem([item('oi', 'in')], item('menu'));
    expect(ids(mergeHistory(pushed, [item('oi', 'in'), item('horario'), item('menu')]))).toEqual(['oi', 'horario', 'menu']);
  });

  it('when the history lacks a reply pushed since, or the tester\'s message on its way, then they stay after it; older items stay before', () => {
    const current = [item('velha'), item('oi', 'in'), item('resposta'), item('local-1', 'in')];
    expect(ids(mergeHistory(current, [item('oi', 'in'), item('resposta')]))).toEqual(['velha', 'oi', 'resposta', 'local-1']);
  });

  it('when nothing changed, then the same array comes back (no re-render); a repeated push is ignored', () => {
    const current = [item('oi', 'in'), item('resposta')];
    expect(mergeHistory(current, [item('oi', 'in'), item('resposta')])).toBe(current);
    expect(appendItem(current, item('resposta'))).toBe(current);
  });
});
