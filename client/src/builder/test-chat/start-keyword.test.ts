import { describe, expect, it } from 'vitest';
import type { EditorNode } from '../store/editor-types';
import { selectStartKeyword } from './start-keyword';

const trigger = (id: string, keywords: { match: string; value: string }[]) =>
  ({ id, type: 'flow', position: { x: 0, y: 0 }, data: { type: 'trigger', config: { keywords } } }) as unknown as EditorNode;
const message = { id: 'm', type: 'flow', position: { x: 0, y: 0 }, data: { type: 'message', config: { text: 'oi' } } } as unknown as EditorNode;

describe('selectStartKeyword', () => {
  it('suggests the first keyword a customer can type, passing over regexes and blanks', () => {
    expect(selectStartKeyword({ nodes: [message, trigger('t', [{ match: 'regex', value: '^promo\\d+$' }, { match: 'exact', value: ' ' }, { match: 'contains', value: 'promo ' }])] })).toBe('promo');
  });

  it('has nothing to suggest when no trigger has a plain keyword', () => {
    expect(selectStartKeyword({ nodes: [message, trigger('t', [])] })).toBeNull();
    expect(selectStartKeyword({ nodes: [] })).toBeNull();
  });
});
