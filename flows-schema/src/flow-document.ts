import { z } from 'zod';
import { IDENTIFIER_PATTERN } from './interpolation/parse-template';
import { localized } from './localized';
import { anyNodeDefinition, NODE_TYPES, nodeRegistry, type NodeConfig, type NodeType } from './nodes';
import type { OutputHandle } from './nodes';
import { field } from './nodes/field-meta';

export const CURRENT_SCHEMA_VERSION = 1;

export const positionSchema = z.object({ x: z.number(), y: z.number() });

export const flowEdgeSchema = z.object({
  id: z.string().min(1),
  source: z.string().min(1),
  sourceHandle: z.string().min(1),
  target: z.string().min(1),
});

export const flowVariableSchema = z.object({
  name: z
    .string()
    .regex(IDENTIFIER_PATTERN)
    .meta({ label: localized('Name', 'Nome'), placeholder: 'email' }),
  description: z.string().optional(),
});

export const flowSettingsSchema = z.object({
  variables: z.array(flowVariableSchema).default(() => []),
  sessionTimeoutMinutes: z.int().min(1).max(43_200).default(1440),
  restartKeywords: z.array(z.string()).default(() => ['reiniciar', 'restart']),
  exitKeywords: z.array(z.string()).default(() => ['sair do bot']),
});

export const MAX_NODE_NAME_LENGTH = 80;

/** The marketer's own name for a step ("Ask for the order number"); absent = the type's label. */
export const nodeNameSchema = field(z.string().max(MAX_NODE_NAME_LENGTH).optional(), {
  label: localized('Step name', 'Nome da etapa'),
  placeholder: localized('e.g. Ask for the order number', 'ex.: Pedir o número do pedido'),
});

/** The node fields shared by every type; config is validated by the type's own schema. */
export const nodeBaseSchema = z.object({ id: z.string().min(1), name: nodeNameSchema, position: positionSchema });

function nodeSchemaFor(type: NodeType) {
  return nodeBaseSchema.extend({ type: z.literal(type), config: nodeRegistry[type].config });
}

export type FlowNodeOf<T extends NodeType> = {
  id: string;
  name?: string;
  type: T;
  position: { x: number; y: number };
  config: NodeConfig<T>;
};
export type FlowNode = { [T in NodeType]: FlowNodeOf<T> }[NodeType];

// Built from the registry so a new node type needs no edit here; the cast restores the
// per-type typing that mapping over a runtime list of types cannot express.
export const flowNodeSchema = z.discriminatedUnion(
  'type',
  NODE_TYPES.map(nodeSchemaFor) as [ReturnType<typeof nodeSchemaFor>, ...ReturnType<typeof nodeSchemaFor>[]],
) as unknown as z.ZodType<FlowNode, FlowNode>;

export const flowDocumentSchema = z
  .object({
    schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
    nodes: z.array(flowNodeSchema),
    edges: z.array(flowEdgeSchema),
    settings: flowSettingsSchema.prefault({}),
  })
  .meta({
    title: 'Zyntra flow document',
    description:
      'A WhatsApp chatbot flow. Shape only: graph and content rules are checked by validateFlow().',
  });

export type FlowEdge = z.output<typeof flowEdgeSchema>;
export type FlowSettings = z.output<typeof flowSettingsSchema>;
export type FlowVariable = z.output<typeof flowVariableSchema>;
export type FlowDocument = z.output<typeof flowDocumentSchema>;

export function outputsOf(node: FlowNode): OutputHandle[] {
  return anyNodeDefinition(node.type).outputs(node.config);
}

export function emptyFlow(): FlowDocument {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    nodes: [
      { id: 'trigger', type: 'trigger', position: { x: 0, y: 0 }, config: nodeRegistry.trigger.defaults() },
    ],
    edges: [],
    settings: flowSettingsSchema.parse({}),
  };
}
