// Tells document changes from UI-only ones (selection, measured sizes, drag flags live on the same
// React Flow objects). Undo history and autosave both record only real document changes.
import type { DocSnapshot, EditorEdge, EditorNode } from './editor-types';

const sameNode = (a: EditorNode, b: EditorNode) =>
  a === b || (a.id === b.id && a.data === b.data && a.position.x === b.position.x && a.position.y === b.position.y);

/** A node's content: everything but where it stands on the canvas. */
const sameNodeContent = (a: EditorNode, b: EditorNode) => a === b || (a.id === b.id && a.data === b.data);

const sameEdge = (a: EditorEdge, b: EditorEdge) =>
  a === b || (a.id === b.id && a.source === b.source && a.sourceHandle === b.sourceHandle && a.target === b.target);

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!same(a[i] as T, b[i] as T)) return false;
  return true;
}

export function sameDocument(a: DocSnapshot, b: DocSnapshot): boolean {
  return a.settings === b.settings && sameList(a.nodes, b.nodes, sameNode) && sameList(a.edges, b.edges, sameEdge);
}

export const snapshotOf = (s: DocSnapshot): DocSnapshot => ({ nodes: s.nodes, edges: s.edges, settings: s.settings });

/** The same document but for where the cards stand: what validation reads (a drop changes nothing it checks). */
export function sameContent(a: DocSnapshot, b: DocSnapshot): boolean {
  return a.settings === b.settings && sameList(a.nodes, b.nodes, sameNodeContent) && sameList(a.edges, b.edges, sameEdge);
}
