// The canvas can always zoom out far enough to see the whole flow: a tall 300-step flow needs far
// less than React Flow's usual 0.1 (365 steps in one column, 73,000 px, fit a 750 px pane at about
// 0.008). The bound follows the flow's size in coarse steps, so dragging a card does not recompute it.
import { useStore as useReactFlowStore } from '@xyflow/react';
import { useMemo } from 'react';
import type { EditorNode } from '../store/editor-types';
import { useFlowStore } from '../store/flow-store-context';
import { flowExtent } from './flow-extent';

const USUAL_MIN_ZOOM = 0.1;
/** Far enough for ~1,000 steps in one line; below it nothing would be recognisable anyway. */
const FLOOR = 0.002;
const BUCKET = 400;

/**
 * The selector below runs on every change of the editor's store (each keystroke, selection and drop),
 * most of which leave the nodes array as it was: the key is kept per array.
 */
const extentKeys = new WeakMap<readonly EditorNode[], string>();

function extentKey(nodes: readonly EditorNode[]): string {
  let key = extentKeys.get(nodes);
  if (key === undefined) {
    key = computeExtentKey(nodes);
    extentKeys.set(nodes, key);
  }
  return key;
}

function computeExtentKey(nodes: readonly EditorNode[]): string {
  const { width, height } = flowExtent(nodes);
  return `${Math.ceil(width / BUCKET)}:${Math.ceil(height / BUCKET)}`;
}

export function minZoomFor(flowWidth: number, flowHeight: number, width: number, height: number): number {
  if (width === 0 || height === 0) return USUAL_MIN_ZOOM;
  const fit = Math.min(width / (flowWidth * 1.2), height / (flowHeight * 1.2));
  return Math.max(FLOOR, Math.min(USUAL_MIN_ZOOM, fit));
}

export function useMinZoom(): number {
  const key = useFlowStore((s) => extentKey(s.nodes));
  const width = useReactFlowStore((s) => s.width);
  const height = useReactFlowStore((s) => s.height);
  return useMemo(() => {
    const [w, h] = key.split(':').map((v) => Number(v) * BUCKET) as [number, number];
    return minZoomFor(w, h, width, height);
  }, [key, width, height]);
}
