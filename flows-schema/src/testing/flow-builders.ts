// Terse builders for tests and examples; not part of the public API.
import {
  flowSettingsSchema,
  type FlowDocument,
  type FlowEdge,
  type FlowNode,
  type FlowNodeOf,
} from '../flow-document';
import { anyNodeDefinition, type NodeConfig, type NodeType } from '../nodes';
import type { FlowModel } from '../validate/flow-model';
import { readFlow } from '../validate/read-flow';

export function node<T extends NodeType>(
  id: string,
  type: T,
  config: Partial<NodeConfig<T>> = {},
  position = { x: 0, y: 0 },
): FlowNodeOf<T> {
  const defaults = anyNodeDefinition(type).defaults() as NodeConfig<T>;
  return { id, type, position, config: { ...defaults, ...config } };
}

export function edge(
  source: string,
  sourceHandle: string,
  target: string,
  id = `${source}.${sourceHandle}`,
): FlowEdge {
  return { id, source, sourceHandle, target };
}

export function flow(nodes: FlowNode[], edges: FlowEdge[], variables: string[] = []): FlowDocument {
  const settings = flowSettingsSchema.parse({ variables: variables.map((name) => ({ name })) });
  return { schemaVersion: 1, nodes, edges, settings };
}

/** A trigger that fires on "oi" (the default trigger never fires, which is itself a problem). */
export function trigger(id = 'start'): FlowNodeOf<'trigger'> {
  return node(id, 'trigger', { keywords: [{ match: 'exact', value: 'oi' }] });
}

export function modelOf(doc: unknown): FlowModel {
  const { model } = readFlow(doc);
  if (!model) throw new Error('document is not readable');
  return model;
}

export function codesOf(
  problems: ReadonlyArray<{ code: string; nodeId?: string; edgeId?: string; path: string }>,
) {
  return problems.map((p) => `${p.code}@${p.nodeId ?? p.edgeId ?? '-'}:${p.path}`);
}
