import { emptyFlow, type FlowDocument } from '@zyntra/flows-schema';
import { describe, expect, it } from 'vitest';
import { setupProblems } from './setup-problems';

const withSteps = (...steps: Array<[string, string]>): Pick<FlowDocument, 'nodes'> => ({
  nodes: [...emptyFlow().nodes, ...steps.map(([id, type]) => ({ ...emptyFlow().nodes[0]!, id, type }) as FlowDocument['nodes'][number])],
});

describe('problems of the steps with the workspace setup', () => {
  it('when the workspace has no AI provider, then each AI reply step gets a warning naming where an admin sets one up', () => {
    const problems = setupProblems(withSteps(['ai1', 'ai_reply'], ['msg', 'message'], ['ai2', 'ai_reply']), { hasAiProvider: false });
    expect(problems.map((p) => [p.nodeId, p.code, p.severity])).toEqual([
      ['ai1', 'ai_provider_missing', 'warning'],
      ['ai2', 'ai_provider_missing', 'warning'],
    ]);
    expect(problems[0]!.message.en).toContain('Settings → AI replies');
    expect(problems[0]!.message['pt-BR']).toContain('Configurações → Respostas com IA');
  });

  it('when the workspace has an AI provider, or the flow no AI reply step, then there is nothing to warn about', () => {
    expect(setupProblems(withSteps(['ai1', 'ai_reply']), { hasAiProvider: true })).toEqual([]);
    expect(setupProblems(withSteps(['msg', 'message']), { hasAiProvider: false })).toEqual([]);
  });
});
