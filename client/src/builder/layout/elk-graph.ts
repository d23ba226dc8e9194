// "Tidy up" as an ELK layered layout: left to right, each card's outputs as ports in their order
// on the card (so edges leave where the handles are and do not cross needlessly), the input on the
// left. Plain data in and out, so the layout can run in a worker or, in tests, in Node.
import type { ElkExtendedEdge, ElkNode, ElkPort } from 'elkjs/lib/elk-api';
import type { XY } from '../store/editor-types';

export interface LayoutNode {
  id: string;
  width: number;
  height: number;
  /** Output handle ids in card order, with their vertical centre relative to the card's top. */
  outputs: Array<{ id: string; y: number }>;
  /** Vertical centre of the input handle; null for a card without one (the trigger). */
  inputY: number | null;
}

export interface LayoutEdge {
  id: string;
  source: string;
  sourceHandle: string;
  target: string;
}

const LAYOUT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.layered.spacing.nodeNodeBetweenLayers': '96',
  'elk.spacing.nodeNode': '40',
  'elk.spacing.componentComponent': '80',
  'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
  // Orthogonal routes go around cards; the canvas draws them (rounded) until a card moves.
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.spacing.edgeNodeBetweenLayers': '24',
};

const EDGE_PREFIX = 'edge::';
const inPort = (id: string) => `${id}::in`;
const outPort = (id: string, handle: string) => `${id}::out::${handle}`;

function portsOf(n: LayoutNode): ElkPort[] {
  const ports: ElkPort[] = n.outputs.map((o, i) => ({
    id: outPort(n.id, o.id),
    x: n.width,
    y: o.y,
    width: 1,
    height: 1,
    layoutOptions: { 'elk.port.side': 'EAST', 'elk.port.index': String(i) },
  }));
  if (n.inputY !== null) {
    ports.push({ id: inPort(n.id), x: 0, y: n.inputY, width: 1, height: 1, layoutOptions: { 'elk.port.side': 'WEST' } });
  }
  return ports;
}

export function toElkGraph(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): ElkNode {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const usable = edges.filter((e) => {
    const source = byId.get(e.source);
    const target = byId.get(e.target);
    return source && target && target.inputY !== null && source.outputs.some((o) => o.id === e.sourceHandle);
  });
  const elkEdges: ElkExtendedEdge[] = usable.map((e) => ({
    id: `${EDGE_PREFIX}${e.id}`,
    sources: [outPort(e.source, e.sourceHandle)],
    targets: [inPort(e.target)],
  }));
  return {
    id: 'root',
    layoutOptions: LAYOUT_OPTIONS,
    children: nodes.map((n) => ({
      id: n.id,
      width: n.width,
      height: n.height,
      ports: portsOf(n),
      layoutOptions: { 'elk.portConstraints': 'FIXED_POS' },
    })),
    edges: elkEdges,
  };
}

/** Top-left corner of every card, from ELK's answer (whole pixels; not snapped, so routes fit). */
export function positionsFrom(result: ElkNode): Map<string, XY> {
  return new Map((result.children ?? []).map((c) => [c.id, { x: Math.round(c.x ?? 0), y: Math.round(c.y ?? 0) }]));
}

/** The route of every connection, start to end through its bends, by edge id. */
export function routesFrom(result: ElkNode): Map<string, XY[]> {
  const routes = new Map<string, XY[]>();
  for (const e of result.edges ?? []) {
    const section = (e as ElkExtendedEdge).sections?.[0];
    if (!section || !e.id.startsWith(EDGE_PREFIX)) continue;
    routes.set(e.id.slice(EDGE_PREFIX.length), [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map((p) => ({ x: Math.round(p.x), y: Math.round(p.y) })));
  }
  return routes;
}
