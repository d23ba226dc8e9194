// Small builders for flow documents in server tests, filled from each node definition's defaults.
import { anyNodeDefinition, flowSettingsSchema, type FlowDocument, type FlowEdge, type FlowNode, type NodeConfig, type NodeType } from '@zyntra/flows-schema';

export function node<T extends NodeType>(id: string, type: T, config: Partial<NodeConfig<T>> = {}): FlowNode {
  const defaults = anyNodeDefinition(type).defaults() as NodeConfig<T>;
  return { id, type, position: { x: 0, y: 0 }, config: { ...defaults, ...config } } as FlowNode;
}

export const edge = (source: string, sourceHandle: string, target: string): FlowEdge => ({ id: `${source}.${sourceHandle}`, source, sourceHandle, target });

export function flow(nodes: FlowNode[], edges: FlowEdge[], variables: string[] = []): FlowDocument {
  return { schemaVersion: 1, nodes, edges, settings: flowSettingsSchema.parse({ variables: variables.map((name) => ({ name })) }) };
}

export const keywordTrigger = (value: string, extra: Partial<NodeConfig<'trigger'>> = {}) =>
  node('start', 'trigger', { keywords: [{ match: 'exact', value }], ...extra });

/** Any message starts it (fallback), then it answers every reply with `prefix` and the reply, forever. */
export const echoFlow = (prefix = 'recebi:') =>
  flow(
    [node('start', 'trigger', { fallback: true }), node('ask', 'wait', { mode: 'reply', saveAs: 'answer' }), node('say', 'message', { text: `${prefix} {{answer}}` })],
    [edge('start', 'next', 'ask'), edge('ask', 'next', 'say'), edge('say', 'next', 'ask')],
    ['answer'],
  );
