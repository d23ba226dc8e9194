import fc from 'fast-check';
import { outputsOf, type FlowDocument, type FlowEdge, type FlowNode } from '../flow-document';
import { anyNodeDefinition, nodeRegistry, NODE_TYPES, type NodeConfig, type NodeType } from '../nodes';
import { configArbitraries, identifier, position, word } from './config-arbitraries';

type Planned = { type: NodeType; config: unknown };
type OpenHandle = { nodeId: string; handleId: string; required: boolean };

interface Plan {
  vars: string[];
  descriptions: Array<string | null>;
  trigger: NodeConfig<'trigger'>;
  body: Planned[];
  picks: number[];
  positions: Array<{ x: number; y: number }>;
  sessionTimeoutMinutes: number;
  restartKeywords: string[];
  exitKeywords: string[];
}

function bodyNode(vars: readonly string[]): fc.Arbitrary<Planned> {
  const types = NODE_TYPES.filter((type) => !nodeRegistry[type].isEntry);
  return fc.oneof(
    ...types.flatMap((type) => {
      const arbitrary = configArbitraries[type] as ((v: readonly string[]) => fc.Arbitrary<unknown>) | undefined;
      return arbitrary ? [arbitrary(vars).map((config): Planned => ({ type, config }))] : [];
    }),
  );
}

const plan: fc.Arbitrary<Plan> = fc.uniqueArray(identifier, { maxLength: 4 }).chain((vars) =>
  fc.record(
    {
      vars: fc.constant(vars),
      descriptions: fc.array(fc.option(word(0, 20), { nil: null }), { minLength: 4, maxLength: 4 }),
      trigger: configArbitraries.trigger(),
      body: fc.array(bodyNode(vars), { maxLength: 8 }),
      picks: fc.array(fc.nat(), { minLength: 16, maxLength: 16 }),
      positions: fc.array(position, { minLength: 8, maxLength: 8 }),
      sessionTimeoutMinutes: fc.integer({ min: 1, max: 43_200 }),
      restartKeywords: fc.array(word(1, 10), { maxLength: 2 }),
      exitKeywords: fc.array(word(1, 10), { maxLength: 2 }),
    },
    { noNullPrototype: true },
  ),
);

/**
 * Wires the planned nodes into a tree hanging off the trigger (so everything is reachable),
 * closes every required output (with a back edge to a waiting node or a new transfer), and only
 * ever adds back edges into nodes that wait for the customer, so every cycle is a legal one.
 */
function assemble(p: Plan): FlowDocument {
  let turn = 0;
  const pick = (n: number) => (p.picks[turn++ % p.picks.length] ?? 0) % n;
  const nodes: FlowNode[] = [];
  const edges: FlowEdge[] = [];
  const open: OpenHandle[] = [];
  const add = (type: NodeType, config: unknown): string => {
    const id = `n${nodes.length}`;
    const node = {
      id,
      type,
      position: p.positions[nodes.length % p.positions.length] ?? { x: 0, y: 0 },
      config,
    } as FlowNode;
    nodes.push(node);
    open.push(...outputsOf(node).map((o) => ({ nodeId: id, handleId: o.id, required: o.required })));
    return id;
  };
  const connect = (from: OpenHandle, target: string) =>
    edges.push({ id: `e${edges.length}`, source: from.nodeId, sourceHandle: from.handleId, target });
  add('trigger', p.trigger);
  for (const planned of p.body) {
    const [slot] = open.length > 0 ? open.splice(pick(open.length), 1) : [];
    if (slot) connect(slot, add(planned.type, planned.config));
  }
  for (const slot of open.splice(0)) {
    const waiting = nodes.filter((n) => anyNodeDefinition(n.type).waitsForCustomer(n.config));
    const choice = pick(3);
    if (!slot.required && choice === 0) continue;
    const loopBack = choice === 2 && waiting.length > 0 ? waiting[pick(waiting.length)] : undefined;
    connect(slot, loopBack?.id ?? add('transfer', nodeRegistry.transfer.defaults()));
  }
  return document(p, nodes, edges);
}

function document(p: Plan, nodes: FlowNode[], edges: FlowEdge[]): FlowDocument {
  const variables = p.vars.map((name, i) => {
    const description = p.descriptions[i];
    return description === null || description === undefined ? { name } : { name, description };
  });
  const { sessionTimeoutMinutes, restartKeywords, exitKeywords } = p;
  return {
    schemaVersion: 1,
    nodes,
    edges,
    settings: { variables, sessionTimeoutMinutes, restartKeywords, exitKeywords },
  };
}

/** Flow documents that validateFlow must accept without a single error. */
export const validFlow: fc.Arbitrary<FlowDocument> = plan.map(assemble);
