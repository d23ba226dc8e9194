import { describe, expect, it } from 'vitest';
import { flowDocumentSchema, validateFlow } from '@zyntra/flows-schema';
import { sampleFlowDocument } from './sample-flow';

describe('demo sample flow', () => {
  it('when validated, then it is publishable: no errors, and the only warnings are the intended endings', () => {
    const problems = validateFlow(sampleFlowDocument());
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(problems.map((p) => `${p.code}@${p.nodeId}`)).toEqual(['optional_output_unconnected@promo', 'optional_output_unconnected@hours']);
    expect(flowDocumentSchema.parse(sampleFlowDocument())).toEqual(sampleFlowDocument());
  });
});
