import { describe, expect, it } from 'vitest';
import { node, session, testContext } from '../testing/fixtures';
import { transfer } from './transfer';

describe('transfer handler', () => {
  it('when configured fully, then it sends, tags, hands off, emits the event and ends as transferred', () => {
    const n = node('transfer', 'tr', { team: 'vendas', message: 'Já te passo, {{contact.name}}.', tags: ['lead', ' '] });
    expect(transfer.enter(n, session(), testContext())).toEqual({
      actions: [
        { type: 'send_message', nodeId: 'tr', content: { text: 'Já te passo, Ana.', buttons: [], list: null, media: null, typingDelayMs: 0 } },
        { type: 'add_tags', tags: ['lead'] },
        { type: 'handoff_to_human', nodeId: 'tr', team: 'vendas' },
        { type: 'emit_event', name: 'conversation.transferred', payload: { nodeId: 'tr', team: 'vendas', flowId: 'flow-1', versionId: 'v1', reason: 'flow' } },
      ],
      end: 'transferred',
      outcome: 'transferred',
    });
  });

  it.each([
    ['defaults (no message, no tags, any team)', {}, null],
    ['an empty team and a message that renders empty', { team: '', message: '{{missing}}' }, null],
  ])('when given %s, then it only hands off and emits', (_case, config, team) => {
    const step = transfer.enter(node('transfer', 'tr', config), session(), testContext());
    expect(step.actions.map((a) => a.type)).toEqual(['handoff_to_human', 'emit_event']);
    expect(step.actions[0]).toEqual({ type: 'handoff_to_human', nodeId: 'tr', team });
  });
});
