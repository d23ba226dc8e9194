// Builders for engine tests: nodes start from each definition's defaults() so fixtures follow
// the schema when a config gains a field, and the context is deterministic (fixed clock, counter ids).
import { anyNodeDefinition, CURRENT_SCHEMA_VERSION, flowSettingsSchema } from '@zyntra/flows-schema';
import type {
  FlowDocument,
  FlowEdge,
  FlowNode,
  FlowNodeOf,
  FlowSettings,
  NodeConfig,
  NodeType,
} from '@zyntra/flows-schema';
import type { StepContext } from '../context';
import type { Action } from '../actions';
import type { EngineEvent, MessageReceived } from '../events';
import type { FlowVersionRef } from '../flow-index';
import { step } from '../interpret';
import type { RunLogEntry, SessionState } from '../session';

export const NOW = '2026-01-15T12:00:00.000Z';

export function node<T extends NodeType>(type: T, id: string, config: Partial<NodeConfig<T>> = {}): FlowNodeOf<T> {
  const defaults = anyNodeDefinition(type).defaults() as NodeConfig<T>;
  return { id, type, position: { x: 0, y: 0 }, config: { ...defaults, ...config } };
}

/** A trigger that fires on "oi": the default trigger matches nothing. */
export function trigger(id = 'start', config: Partial<NodeConfig<'trigger'>> = {}): FlowNodeOf<'trigger'> {
  return node('trigger', id, { keywords: [{ match: 'exact', value: 'oi' }], ...config });
}

export function edge(source: string, sourceHandle: string, target: string): FlowEdge {
  return { id: `${source}.${sourceHandle}`, source, sourceHandle, target };
}

/** Edges for a straight line through `next` handles: chain('a', 'b', 'c') = a→b→c. */
export function chain(...ids: string[]): FlowEdge[] {
  return ids.slice(1).map((target, i) => edge(ids[i] as string, 'next', target));
}

export function flow(
  nodes: FlowNode[],
  edges: FlowEdge[],
  settings: Partial<FlowSettings> = {},
  ids: { flowId?: string; versionId?: string } = {},
): FlowVersionRef {
  const document: FlowDocument = {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    nodes,
    edges,
    settings: { ...flowSettingsSchema.parse({}), ...settings },
  };
  return { flowId: ids.flowId ?? 'flow-1', versionId: ids.versionId ?? 'v1', document };
}

export function testContext(overrides: Partial<StepContext> = {}): StepContext {
  let counter = 0;
  return {
    now: NOW,
    newId: () => `id-${++counter}`,
    limits: { maxSteps: 50, maxDeferred: 20 },
    contact: { name: 'Ana', phone: '5511987654321', tags: ['vip'], attributes: {} },
    ...overrides,
  };
}

export function msg(text: string, replyId: string | null = null, messageId = `m:${text}`): MessageReceived {
  return { type: 'message_received', messageId, text, replyId, at: NOW };
}

export function session(overrides: Partial<SessionState> = {}): SessionState {
  return {
    flowId: 'flow-1',
    versionId: 'v1',
    status: 'active',
    cursor: null,
    vars: {},
    lastReply: null,
    deferred: [],
    endedReason: null,
    ...overrides,
  };
}

/** Feeds events through step() in order, as the runner would, and gathers what came out. */
export function converse(
  version: FlowVersionRef,
  events: EngineEvent[],
  ctx = testContext(),
  start: SessionState | null = null,
) {
  let current: SessionState | null = start;
  const actions: Action[] = [];
  const log: RunLogEntry[] = [];
  for (const event of events) {
    const result = step(version, current, event, ctx);
    current = result.session;
    actions.push(...result.actions);
    log.push(...result.log);
  }
  return { session: current, actions, log };
}
