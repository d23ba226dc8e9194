import { describe, expect, it } from 'vitest';
import { node, session, testContext } from '../testing/fixtures';
import { actions } from './actions';

type Row = { kind: 'add_tags' | 'remove_tags' | 'set_variable' | 'set_attribute'; tags?: string[]; name?: string; value?: string };
const step = (rows: Row[], vars: Record<string, string> = {}) =>
  actions.enter(
    node('actions', 'act', { actions: rows.map((r) => ({ tags: [], name: '', value: '', ...r })) }),
    { ...session(), vars, lastReply: 'Premium' },
    testContext({ contact: { name: 'Ana', phone: '5511999990000', tags: [], attributes: {} } }),
  );

describe('actions handler', () => {
  it('when entered, then it tags, untags, sets variables and attributes, and moves on through next without sending anything', () => {
    const result = step([
      { kind: 'add_tags', tags: ['lead', ' vip-{{origem}} ', ''] },
      { kind: 'remove_tags', tags: ['frio'] },
      { kind: 'set_variable', name: 'plano', value: '{{last_reply}}' },
      { kind: 'set_attribute', name: 'plano_escolhido', value: '{{plano}} para {{contact.name}}' },
    ], { origem: 'instagram' });
    expect(result).toEqual({
      next: 'next',
      actions: [
        { type: 'add_tags', tags: ['lead', 'vip-instagram'] },
        { type: 'remove_tags', tags: ['frio'] },
        { type: 'set_attribute', key: 'plano_escolhido', value: 'Premium para Ana' },
      ],
      vars: { plano: 'Premium' },
    });
    expect(result.actions.some((a) => a.type === 'send_message')).toBe(false);
  });

  it('when rows are empty or a placeholder is unknown, then empty rows do nothing and unknown placeholders become empty', () => {
    const result = step([
      { kind: 'add_tags', tags: ['{{nada}}', '  '] },
      { kind: 'set_variable', name: ' ', value: 'x' },
      { kind: 'set_variable', name: 'cupom', value: 'C-{{nada}}' },
    ]);
    expect(result).toEqual({ next: 'next', actions: [], vars: { cupom: 'C-' } });
  });

  it('when there are no actions, then it just moves on', () => {
    expect(step([])).toEqual({ next: 'next', actions: [] });
  });
});
