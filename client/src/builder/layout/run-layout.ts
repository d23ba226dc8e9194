// Runs ELK off the main thread: the layout engine (1.6 MB) and its worker are fetched the first
// time someone tidies up, so opening the editor never pays for them. Where Worker is missing
// (Node, tests) the bundled engine runs in-process instead.
import type { ELK } from 'elkjs/lib/elk-api';
import type { XY } from '../store/editor-types';
import { positionsFrom, routesFrom, toElkGraph, type LayoutEdge, type LayoutNode } from './elk-graph';

let engine: Promise<ELK> | null = null;

async function loadEngine(): Promise<ELK> {
  if (typeof Worker === 'undefined') {
    const { default: ElkBundled } = await import('elkjs/lib/elk.bundled.js');
    return new ElkBundled();
  }
  const [{ default: ElkApi }, { default: workerUrl }] = await Promise.all([
    import('elkjs/lib/elk-api.js'),
    import('elkjs/lib/elk-worker.min.js?url'),
  ]);
  return new ElkApi({ workerUrl });
}

export interface Layout {
  positions: Map<string, XY>;
  routes: Map<string, XY[]>;
}

export async function runLayout(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): Promise<Layout> {
  engine ??= loadEngine();
  try {
    const result = await (await engine).layout(toElkGraph(nodes, edges));
    return { positions: positionsFrom(result), routes: routesFrom(result) };
  } catch (err) {
    engine = null; // a failed load (offline) is retried on the next tidy-up
    throw err;
  }
}
