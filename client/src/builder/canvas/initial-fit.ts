// How the canvas first frames a flow on a phone. The whole flow, unless seeing it whole on the narrow
// screen would make the cards too small to read (or draw them as coloured boxes): then the flow's
// start, its triggers, readable, and the marketer pans on from there.
import type { FitViewOptions } from '@xyflow/react';
import type { EditorNode } from '../store/editor-types';
import { flowExtent } from './flow-extent';

type Pane = { width: number; height: number };

/** The zoom at which the whole flow fits the pane with `padding` (a share of the flow's size) around it. */
export function wholeFlowZoom(nodes: readonly EditorNode[], pane: Pane, padding: number): number {
  const { width, height } = flowExtent(nodes);
  return Math.min(pane.width / (width * (1 + padding)), pane.height / (height * (1 + padding)));
}

export function initialFit(nodes: readonly EditorNode[], pane: Pane, readableZoom: number, base: FitViewOptions): FitViewOptions {
  const padding = typeof base.padding === 'number' ? base.padding : 0;
  if (nodes.length === 0 || wholeFlowZoom(nodes, pane, padding) >= readableZoom) return base;
  const starts = nodes.filter((n) => n.data.type === 'trigger');
  return starts.length ? { ...base, nodes: starts.map((n) => ({ id: n.id })) } : base;
}
