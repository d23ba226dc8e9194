import { successors, uniqueNodes, type FlowModel, type ModelNode } from '../flow-model';
import type { ProblemDraft } from '../problems';

/** Tarjan's algorithm: the strongly connected components of the graph. */
function stronglyConnected(ids: readonly string[], next: (id: string) => readonly string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (id: string): void => {
    index.set(id, index.size);
    low.set(id, index.get(id) ?? 0);
    stack.push(id);
    onStack.add(id);
    for (const target of next(id)) {
      if (!index.has(target)) visit(target);
      if (onStack.has(target)) low.set(id, Math.min(low.get(id) ?? 0, low.get(target) ?? 0));
    }
    if (low.get(id) !== index.get(id)) return;
    const component: string[] = [];
    for (let top = stack.pop(); top !== undefined; top = top === id ? undefined : stack.pop()) {
      onStack.delete(top);
      component.push(top);
    }
    components.push(component);
  };
  for (const id of ids) if (!index.has(id)) visit(id);
  return components;
}

// A cycle is fine when it passes a node that parks the conversation until the customer replies
// (e.g. a menu that loops back to itself). One that does not would spin the engine forever,
// so we look for cycles among the nodes that do not wait. A node whose config is invalid is
// left out: its waiting behaviour is unknown, and its config problem is reported already.
export function checkCycles(model: FlowModel): ProblemDraft[] {
  const runThrough = uniqueNodes(model).filter(
    (node) => node.configValid && !node.def.waitsForCustomer(node.config),
  );
  const byId = new Map(runThrough.map((node) => [node.id, node]));
  const all = successors(model);
  const next = (id: string) => (all.get(id) ?? []).filter((target) => byId.has(target));
  return stronglyConnected([...byId.keys()], next)
    .filter((component) => component.length > 1 || next(component[0] ?? '').includes(component[0] ?? ''))
    .map((component) => {
      const nodes = component.map((id) => byId.get(id) as ModelNode).sort((a, b) => a.index - b.index);
      const names = nodes.map((node) => `“${node.id}”`).join(', ');
      return { code: 'loop_without_wait', nodeId: nodes[0]?.id, path: '', params: { nodes: names } };
    });
}
