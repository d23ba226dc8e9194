import { describe, expect, it } from 'vitest';
import { flowDocumentSchema, validateFlow } from '@zyntra/flows-schema';
import { sampleFlowDocument } from './sample-flow';

describe('demo sample flow', () => {
  it('when validated, then it has no problem at all, not even a warning, and is stored in its parsed form', () => {
    expect(validateFlow(sampleFlowDocument())).toEqual([]);
    expect(flowDocumentSchema.parse(sampleFlowDocument())).toEqual(sampleFlowDocument());
  });
});
