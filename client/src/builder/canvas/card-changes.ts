// Which cards moved, and which changed size where they stand (the drop-off figures shown, a summary
// wrapping onto another line), since the editor's nodes were last looked at. A card's first
// measurement is not a change of size: a card just added, or scrolled into view, is routed for as it
// appears. Pure; `seen` is the memory, updated in place.
import type { EditorNode, XY } from '../store/editor-types';
import { sizeOf } from '../store/graph-ops';
import type { Rect } from '../store/placement';

export interface Seen {
  position: XY;
  width: number | undefined;
  height: number | undefined;
}

export interface CardChanges {
  /** Cards at a new position, with where they were. */
  moved: Map<EditorNode, XY>;
  /** Measured cards whose size changed in place, with the box they had. */
  resized: Map<string, Rect>;
}

export function cardChanges(nodes: readonly EditorNode[], seen: Map<string, Seen>): CardChanges {
  const moved = new Map<EditorNode, XY>();
  const resized = new Map<string, Rect>();
  for (const n of nodes) {
    const before = seen.get(n.id);
    const [width, height] = [n.measured?.width, n.measured?.height];
    if (before?.position === n.position && before.width === width && before.height === height) continue;
    seen.set(n.id, { position: n.position, width, height });
    if (!before) continue;
    if (before.position !== n.position) moved.set(n, before.position);
    else if (before.width !== undefined && before.height !== undefined && width !== undefined && height !== undefined) {
      resized.set(n.id, { ...n.position, width: before.width, height: before.height });
    }
  }
  return { moved, resized };
}

/** A card's box now, from its measured size (or the default one). */
export const boxOf = (n: EditorNode): Rect => ({ ...n.position, ...sizeOf(n) });
