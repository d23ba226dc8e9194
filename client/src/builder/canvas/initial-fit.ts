// How the canvas first frames a flow on a phone. The whole flow, unless seeing it whole on the narrow
// screen would make the cards too small to read (or draw them as coloured boxes): then the flow's
// start, its triggers, readable, and the marketer pans on from there.
import type { FitViewOptions } from '@xyflow/react';
import type { EditorNode } from '../store/editor-types';
import { sizeOf } from '../store/graph-ops';

type Pane = { width: number; height: number };

/** The zoom at which the whole flow fits the pane with `padding` (a share of the flow's size) around it. */
export function wholeFlowZoom(nodes: readonly EditorNode[], pane: Pane, padding: number): number {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const n of nodes) {
    const { width, height } = sizeOf(n);
    minX = Math.min(minX, n.position.x);
    minY = Math.min(minY, n.position.y);
    maxX = Math.max(maxX, n.position.x + width);
    maxY = Math.max(maxY, n.position.y + height);
  }
  return Math.min(pane.width / ((maxX - minX) * (1 + padding)), pane.height / ((maxY - minY) * (1 + padding)));
}

export function initialFit(nodes: readonly EditorNode[], pane: Pane, readableZoom: number, base: FitViewOptions): FitViewOptions {
  const padding = typeof base.padding === 'number' ? base.padding : 0;
  if (nodes.length === 0 || wholeFlowZoom(nodes, pane, padding) >= readableZoom) return base;
  const starts = nodes.filter((n) => n.data.type === 'trigger');
  return starts.length ? { ...base, nodes: starts.map((n) => ({ id: n.id })) } : base;
}
