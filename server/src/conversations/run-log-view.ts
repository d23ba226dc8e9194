// The run log as an agent reads it: each step by the name the marketer gave it, and each outcome
// by its output's label ("Desconto", "Quero ver"), taken from the flow version that ran the step.
// The ids stay in the item; the names are absent where the version is gone or the step unknown.
import { isNodeType, outputsOf, type FlowNode, type Localized } from '@zyntra/flows-schema';
import type { RunLogRow, StoredStep } from './conversations.queries';

export type RunLogNames = { nodeName?: string; outcomeLabel?: Localized };

const key = (versionId: string, nodeId: string) => `${versionId}\u0000${nodeId}`;

function outputLabel(node: FlowNode, outcome: string): Localized | undefined {
  try {
    return outputsOf(node).find((o) => o.id === outcome)?.label;
  } catch {
    return undefined; // a config this build cannot read: the id is shown instead
  }
}

/** Names for each row of a page, looked up in the steps `runLogSteps` returned for it. */
export function runLogNamer(steps: StoredStep[]): (row: Pick<RunLogRow, 'node_id' | 'outcome' | 'flow_version_id'>) => RunLogNames {
  const byKey = new Map<string, FlowNode>();
  for (const s of steps) {
    const node = s.node as FlowNode;
    if (node && typeof node === 'object' && typeof node.id === 'string' && isNodeType(node.type)) byKey.set(key(s.version_id, node.id), node);
  }
  return (row) => {
    const node = row.flow_version_id ? byKey.get(key(row.flow_version_id, row.node_id)) : undefined;
    if (!node) return {};
    const name = typeof node.name === 'string' ? node.name.trim() : '';
    const label = outputLabel(node, row.outcome);
    return { ...(name ? { nodeName: name } : {}), ...(label ? { outcomeLabel: label } : {}) };
  };
}
