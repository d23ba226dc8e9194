import type { z } from 'zod';
import { aiReplyNode } from './ai-reply';
import { conditionNode } from './condition';
import type { NodeDefinition } from './define-node';
import { messageNode } from './message';
import { transferNode } from './transfer';
import { triggerNode } from './trigger';
import { waitNode } from './wait';
import { actionsNode } from './actions';
import { httpRequestNode } from './http-request';
import { sendTemplateNode } from './send-template';
import { randomizerNode } from './randomizer';
import { businessHoursNode } from './business-hours';

export type { CheckContext, NodeDefinition, OutputHandle, SecretField, TemplateText } from './define-node';

/** The single place a node type is registered; everything else looks types up here. */
export const nodeRegistry = {
  trigger: triggerNode,
  message: messageNode,
  wait: waitNode,
  condition: conditionNode,
  ai_reply: aiReplyNode,
  transfer: transferNode,
  actions: actionsNode,
  http_request: httpRequestNode,
  send_template: sendTemplateNode,
  randomizer: randomizerNode,
  business_hours: businessHoursNode,
} as const;

export type NodeRegistry = typeof nodeRegistry;
export type NodeType = keyof NodeRegistry;
export type NodeConfig<T extends NodeType = NodeType> = z.output<NodeRegistry[T]['config']>;

export const NODE_TYPES = Object.keys(nodeRegistry) as [NodeType, ...NodeType[]];

export function isNodeType(value: unknown): value is NodeType {
  return typeof value === 'string' && Object.hasOwn(nodeRegistry, value);
}

export function getNodeDefinition<T extends NodeType>(type: T): NodeRegistry[T] {
  return nodeRegistry[type];
}

/**
 * The registry entry with its config type erased, for code that handles every type alike and
 * passes each definition the config that definition's own schema produced.
 */
export function anyNodeDefinition(type: NodeType): NodeDefinition<NodeType> {
  return nodeRegistry[type] as NodeDefinition<NodeType>;
}
