import { emptyFlow, templateStepProblems, validateFlow } from '@zyntra/flows-schema';
import { describe, expect, it } from 'vitest';
import { createFlowStore } from './create-flow-store';

const doc = { ...emptyFlow(), nodes: [...emptyFlow().nodes, { id: 'tpl', type: 'send_template', position: { x: 0, y: 0 }, config: { name: 'pedido_saiu', language: 'pt_BR', body: [], headerType: 'none', header: '', text: '' } }] };
const own = validateFlow(doc);
const fromTemplates = templateStepProblems(doc, []);

describe('problems of the editor', () => {
  it('when the template check answers, then its problems join validateFlow’s on the list, the count and the step, whichever comes first', () => {
    const store = createFlowStore(emptyFlow());
    store.getState().setTemplateProblems(fromTemplates);
    store.getState().setProblems(own);
    const s = store.getState();
    expect(s.problems).toEqual([...own, ...fromTemplates]);
    expect(s.errorCount).toBe([...own, ...fromTemplates].filter((p) => p.severity === 'error').length);
    expect(s.problemsByNode.tpl?.map((p) => p.code)).toContain('template_missing');
  });

  it('when a refused publish lists a template problem the check also found, then it shows once; when the check finds none, then it is gone', () => {
    const store = createFlowStore(emptyFlow());
    store.getState().setTemplateProblems(fromTemplates);
    store.getState().setProblems([...own, ...fromTemplates]);
    expect(store.getState().problems.filter((p) => p.code === 'template_missing')).toHaveLength(1);
    store.getState().setProblems(own);
    store.getState().setTemplateProblems([]);
    expect(store.getState().problems).toEqual(own);
  });
});
