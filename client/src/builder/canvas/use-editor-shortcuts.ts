// Canvas keyboard habits: undo/redo, copy/paste, duplicate, delete, find, and Enter to open the panel
// of a card that was moved (moving selects a card without opening its panel). Keys typed into a form
// field belong to that field, except undo/redo in a field of the flow itself (a step's panel, the
// flow settings): there the editor's history takes back the whole edit, not one character.
import { useEffect } from 'react';
import type { FlowStore } from '../store/create-flow-store';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Fields whose value is part of the flow document mark an ancestor with data-flow-history. */
const editsDocument = (target: EventTarget | null) => target instanceof Element && target.closest('[data-flow-history]') !== null;

/**
 * Selection shortcuts act only when the canvas (or nothing) has focus: Backspace pressed right
 * after clicking a button in the side panel must not delete the node being edited.
 */
function onCanvas(target: EventTarget | null): boolean {
  // Element, not HTMLElement: a focused connection is an SVG element.
  return target === document.body || (target instanceof Element && target.closest('.react-flow') !== null);
}

type Shortcut = {
  test: (e: KeyboardEvent, mod: boolean) => boolean;
  run: (store: FlowStore) => void;
  canvasOnly?: boolean;
  /** Also inside fields of the document (undo/redo). */
  inFields?: boolean;
  /** In any field too (find). */
  anywhere?: boolean;
};

const key = (e: KeyboardEvent) => e.key.toLowerCase();
/** A card or the page itself has focus (not a button of the canvas, such as zoom). */
const onCardOrPage = (e: KeyboardEvent) => e.target === document.body || (e.target instanceof Element && e.target.closest('.react-flow__node') !== null);

const shortcuts: Shortcut[] = [
  { test: (e, mod) => mod && !e.shiftKey && key(e) === 'z', run: (s) => s.getState().undo(), inFields: true },
  { test: (e, mod) => mod && ((e.shiftKey && key(e) === 'z') || key(e) === 'y'), run: (s) => s.getState().redo(), inFields: true },
  { test: (e, mod) => mod && key(e) === 'k', run: (s) => s.getState().setFinderOpen(true), anywhere: true },
  { test: (e, mod) => mod && key(e) === 'c', run: (s) => s.getState().copySelected(), canvasOnly: true },
  { test: (e, mod) => mod && key(e) === 'v', run: (s) => s.getState().pasteClipboard(), canvasOnly: true },
  { test: (e, mod) => mod && key(e) === 'd', run: (s) => s.getState().duplicateSelected(), canvasOnly: true },
  { test: (e, mod) => !mod && e.key === 'Enter' && onCardOrPage(e), run: (s) => s.getState().setQuietNode(null), canvasOnly: true },
  {
    test: (e, mod) => !mod && (e.key === 'Delete' || e.key === 'Backspace'),
    run: (s) => s.getState().removeSelected(),
    canvasOnly: true,
  },
];

export function useEditorShortcuts(store: FlowStore): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const mod = e.ctrlKey || e.metaKey;
      const hit = shortcuts.find((s) => s.test(e, mod));
      if (!hit) return;
      if (isTyping(e.target) && !hit.anywhere && !(hit.inFields && editsDocument(e.target))) return;
      // A shortcut pressed while a modal or drawer has focus is meant for it, not for the canvas.
      if (e.target instanceof Element && e.target.closest('[role="dialog"]') && !editsDocument(e.target)) return;
      if (hit.canvasOnly && !onCanvas(e.target)) return;
      // Ctrl+D would bookmark the page, Backspace could navigate back in old browsers.
      e.preventDefault();
      hit.run(store);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
