// Connections drawn by hand go around the cards, as tidy-up's do. When the flow opens, when a
// connection is made (or comes back with undo), and when cards are dropped somewhere else, each
// connection concerned whose curve would run under another card gets a route around it (see
// detour), drawn until one of its ends moves; one whose way is clear again goes back to a curve.
// The work happens once, when the page is next idle (a new card is measured by then), for the
// connections concerned: nothing runs while the view pans, and a drag is looked at once, after the
// drop. A card that changes size where it stands (the drop-off figures shown on every card, a summary
// wrapping onto another line) is looked at once its size has settled: its connections, and those
// near it, may run under it now.
import { useStoreApi, type InternalNode } from '@xyflow/react';
import { useEffect } from 'react';
import type { FlowState } from '../store/create-flow-store';
import type { EditorNode, XY } from '../store/editor-types';
import { useFlowStoreApi } from '../store/flow-store-context';
import { intersects, type Rect } from '../store/placement';
import { boxOf, cardChanges, type Seen } from './card-changes';
import { bounds, detour, routeCrosses } from './detour';
import { edgeEnds } from './edge-ends';
import { routePath } from './edge-route';

/** More connections concerned at once than this (a document replaced, a tidy-up undone): left as they are. */
const MAX_AT_ONCE = 40;
/** A new card is measured, and React Flow has taken new positions, a frame or two after the change. */
const MEASURE_TRIES = 10;
/** The routes are found when the page is idle (not in a frame of a gesture), at the latest this long after. */
const IDLE_TIMEOUT_MS = 200;
/** Cards change size over a few frames (every card at once, a card being typed into): looked at once this long after the last. */
const RESIZE_SETTLE_MS = 150;

/** Runs `fn` when the main thread is idle; returns how to cancel it. */
function whenIdle(fn: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(fn, { timeout: IDLE_TIMEOUT_MS });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(fn, 16);
  return () => clearTimeout(id);
}

const measured = (n: InternalNode): Rect | null =>
  n.measured.width && n.measured.height ? { x: n.internals.positionAbsolute.x, y: n.internals.positionAbsolute.y, width: n.measured.width, height: n.measured.height } : null;

const corner = (n: EditorNode): XY => ({ x: n.position.x + boxOf(n).width, y: n.position.y + boxOf(n).height });

/** Cards that changed: their ids, their boxes now and the boxes they had. */
interface Changed {
  ids: Set<string>;
  now: Rect[];
  before: Rect[];
}

export function useRouteConnections(): void {
  const store = useFlowStoreApi();
  const flow = useStoreApi();

  useEffect(() => {
    let { edges, nodes } = store.getState();
    const seen = new Map<string, Seen>();
    cardChanges(nodes, seen);
    /** Cards that changed size since the last look, with the box each had before. */
    const resized = new Map<string, Rect>();
    let settle: ReturnType<typeof setTimeout> | null = null;
    /** Connections whose route was made here (tidy-up's are kept while they fit their ends). */
    const ours = new Set<string>();
    let ourRoutes: FlowState['edgeRoutes'] | null = null;
    const pending = new Set<string>();
    let cancel: (() => void) | null = null;

    const route = (triesLeft: number) => {
      cancel = null;
      const s = store.getState();
      if (s.cardDrag) return; // looked at again once the drop is over
      const lookup = flow.getState().nodeLookup;
      const cards = new Map<string, Rect>();
      for (const [id, n] of lookup) {
        const r = measured(n);
        if (r) cards.set(id, r);
      }
      const byId = new Map(s.edges.map((e) => [e.id, e]));
      const nodesById = new Map(s.nodes.map((n) => [n.id, n]));
      // React Flow takes the editor's nodes in an effect: until it has, its positions are the old ones.
      const current = (n: InternalNode | undefined, id: string) => n !== undefined && n.position === nodesById.get(id)?.position;
      const next: Record<string, XY[]> = { ...s.edgeRoutes };
      let changed = false;
      const waiting: string[] = [];
      for (const id of pending) {
        const edge = byId.get(id);
        if (!edge) continue;
        const [source, target] = [lookup.get(edge.source), lookup.get(edge.target)];
        const ends = source && target && current(source, edge.source) && current(target, edge.target) ? edgeEnds(source, edge.sourceHandle, target, edge.targetHandle) : null;
        const [sourceBox, targetBox] = [cards.get(edge.source), cards.get(edge.target)];
        if (!ends || !sourceBox || !targetBox) {
          waiting.push(id);
          continue;
        }
        const from = { x: ends.sourceX, y: ends.sourceY };
        const to = { x: ends.targetX, y: ends.targetY };
        const drawn = s.edgeRoutes[id];
        const others: Rect[] = [];
        for (const [cardId, r] of cards) if (cardId !== edge.source && cardId !== edge.target) others.push(r);
        // Tidy-up's, still where it left it and clear of the cards (one may have grown onto it).
        if (!ours.has(id) && routePath(drawn, from, to) && !routeCrosses(drawn!, others)) continue;
        const found = detour({ from, to, source: sourceBox, target: targetBox, others });
        if (found) {
          next[id] = found;
          ours.add(id);
          changed = true;
        } else if (drawn) {
          delete next[id];
          ours.delete(id);
          changed = true;
        }
      }
      pending.clear();
      if (changed) {
        ourRoutes = next;
        s.setEdgeRoutes(next);
      }
      if (waiting.length > 0 && triesLeft > 0) {
        for (const id of waiting) pending.add(id);
        cancel = whenIdle(() => route(triesLeft - 1));
      }
    };

    /**
     * The connections of cards that moved, those a card now sits on, and the routes made here that
     * went around where a card was (a route around a card that left is a needless detour).
     */
    const concerned = ({ ids, now, before }: Changed, s: FlowState, into: Set<string>) => {
      const byId = new Map(s.nodes.map((n) => [n.id, n]));
      for (const e of s.edges) {
        if (ids.has(e.source) || ids.has(e.target)) {
          into.add(e.id);
          continue;
        }
        const route = s.edgeRoutes[e.id];
        const [a, b] = [byId.get(e.source), byId.get(e.target)];
        const reach = route && ours.has(e.id) ? bounds(route) : a && b ? bounds([a.position, b.position, corner(a), corner(b)]) : null;
        if (reach && (now.some((r) => intersects(r, reach)) || (ours.has(e.id) && before.some((r) => intersects(r, reach))))) into.add(e.id);
      }
    };

    const schedule = () => {
      if (pending.size > 0 && !cancel) cancel = whenIdle(() => route(MEASURE_TRIES));
    };

    // Past the bound (the figures shown on every card), every connection is looked at, as on opening.
    const afterResize = () => {
      settle = null;
      const s = store.getState();
      if (resized.size > MAX_AT_ONCE) for (const e of s.edges) pending.add(e.id);
      else {
        const cards = s.nodes.filter((n) => resized.has(n.id));
        concerned({ ids: new Set(resized.keys()), now: cards.map(boxOf), before: [...resized.values()] }, s, pending);
      }
      resized.clear();
      schedule();
    };

    const onChange = (s: FlowState) => {
      const changed = new Set<string>();
      // Routes set elsewhere (a tidy-up) replace the ones made here.
      if (s.edgeRoutes !== ourRoutes) {
        for (const id of ours) if (s.edgeRoutes[id] !== ourRoutes?.[id]) ours.delete(id);
        ourRoutes = s.edgeRoutes;
      }
      if (s.edges !== edges) {
        const before = new Map(edges.map((e) => [e.id, e]));
        edges = s.edges;
        for (const e of edges) {
          const was = before.get(e.id);
          if (!was || was.target !== e.target || was.source !== e.source) changed.add(e.id);
        }
      }
      // While a card is dragged its position changes every frame: the drop is looked at once, after.
      if (s.nodes !== nodes && !s.cardDrag) {
        nodes = s.nodes;
        const { moved, resized: grown } = cardChanges(nodes, seen);
        if (moved.size > 0 && moved.size <= MAX_AT_ONCE) {
          const cards = [...moved.keys()];
          concerned({ ids: new Set(cards.map((n) => n.id)), now: cards.map(boxOf), before: [...moved].map(([n, at]) => ({ ...boxOf(n), ...at })) }, s, changed);
        }
        if (grown.size > 0) {
          for (const [id, box] of grown) if (!resized.has(id)) resized.set(id, box);
          if (settle) clearTimeout(settle);
          settle = setTimeout(afterResize, RESIZE_SETTLE_MS);
        }
      }
      // The bound is on what this change concerns; what the opening pass still waits for stays.
      if (changed.size <= MAX_AT_ONCE) for (const id of changed) pending.add(id);
      schedule();
    };

    const unsubscribe = store.subscribe(onChange);
    // Routes are not part of the flow: on opening it, the connections whose curve runs under a card
    // (drawn around one before, or tidied up) get theirs again, once the cards are measured.
    for (const e of edges) pending.add(e.id);
    if (pending.size > 0) cancel = whenIdle(() => route(MEASURE_TRIES));
    return () => {
      unsubscribe();
      cancel?.();
      if (settle) clearTimeout(settle);
    };
  }, [store, flow]);
}
