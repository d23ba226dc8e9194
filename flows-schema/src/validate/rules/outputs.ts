import { HandlePairs, modelOutputs, uniqueNodes, type FlowModel } from '../flow-model';
import type { ProblemDraft } from '../problems';

// Severity comes from each handle's `required` flag, set by its node definition:
// errors where the marketer clearly meant the flow to go on (trigger next, wait next, AI ok,
// each button, list row and condition branch); warnings where ending is legitimate (plain
// message next, no_match, timeout, invalid, handoff, error, else).
export function checkOutputs(model: FlowModel): ProblemDraft[] {
  const connected = new HandlePairs();
  for (const edge of model.edges) connected.add(edge.source, edge.sourceHandle);
  return uniqueNodes(model).flatMap((node) =>
    (modelOutputs(node) ?? [])
      .filter((output) => !connected.has(node.id, output.id))
      .map((output): ProblemDraft => ({
        code: output.required ? 'output_unconnected' : 'optional_output_unconnected',
        nodeId: node.id,
        path: `outputs.${output.id}`,
        params: { label: output.label },
      })),
  );
}
