// The autosave state machine, free of React: saves ~800 ms after the last document change, one
// request at a time, each guarded by the revision the previous one produced. A 409 (another tab
// saved first) blocks saving until the user reloads or overwrites.
import { ApiError } from '../../api/errors';
import type { FlowDetail } from '../../flows-list/flows-api';
import type { FlowState, FlowStore } from '../store/create-flow-store';
import { fromFlowDocument, toFlowDocument } from '../store/document-convert';
import type { DocSnapshot } from '../store/editor-types';
import type { SaveState } from '../store/ui-slice';
import { sameDocument, snapshotOf } from '../store/same-document';

export const DEBOUNCE_MS = 800;
const RETRY_MS = 5000;
/** Statuses that refuse the document itself: sending it again cannot help, the next edit saves again. */
const REFUSED: ReadonlyMap<number, SaveState> = new Map([
  [413, 'tooLarge'],
  [422, 'refused'],
]);
const DRAG_RECHECK_MS = 200;

export interface AutosaverDeps {
  store: FlowStore;
  save(document: unknown, baseRevision: number): Promise<FlowDetail>;
  onSaved(flow: FlowDetail): void;
  onConflict(conflicted: boolean): void;
}

export function createAutosaver(deps: AutosaverDeps, initialRevision: number) {
  const { store } = deps;
  let revision = initialRevision;
  let saved: DocSnapshot = snapshotOf(store.getState());
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<boolean> | null = null;
  let blocked: { currentRevision: number } | null = null;

  const ui = () => store.getState();
  const isDirty = () => !sameDocument(snapshotOf(store.getState()), saved);
  // A save started under a card drag would cost frames of the drag (it serializes every step, which
  // shows on a large flow); it waits for the drop.
  const schedule = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => (ui().cardDrag ? schedule(DRAG_RECHECK_MS) : void flush()), ms);
  };

  function failed(err: unknown, baseRevision: number): false {
    if (err instanceof ApiError && err.status === 409) {
      blocked = { currentRevision: Number(err.details.currentRevision) || baseRevision };
      ui().setSaveState('conflict');
      deps.onConflict(true);
    } else if (err instanceof ApiError && REFUSED.has(err.status)) {
      // The server will not store this document as it is: over the size cap, or a problem the
      // editor lists (e.g. a credential too long to store).
      ui().setSaveState(REFUSED.get(err.status)!);
    } else {
      ui().setSaveState('error');
      schedule(RETRY_MS);
    }
    return false;
  }

  async function saveOnce(baseRevision: number): Promise<boolean> {
    const snap = snapshotOf(store.getState());
    ui().setSaveState('saving');
    try {
      const res = await deps.save(toFlowDocument(snap), baseRevision);
      revision = res.revision;
      saved = snap;
      deps.onSaved(res);
    } catch (err) {
      return failed(err, baseRevision);
    }
    const dirty = isDirty();
    ui().setSaveState(dirty ? 'saving' : 'saved');
    if (dirty) schedule(DEBOUNCE_MS);
    return !dirty;
  }

  /** Runs one save after any in-flight one, so each request carries the latest revision. */
  async function exclusive(baseRevision: () => number): Promise<boolean> {
    while (running) await running;
    running = saveOnce(baseRevision()).finally(() => {
      running = null;
    });
    return running;
  }

  /** Saves pending changes now; true once the server has exactly what the editor shows. */
  async function flush(): Promise<boolean> {
    clearTimeout(timer);
    while (running) await running;
    if (blocked) return false;
    if (!isDirty()) {
      if (ui().saveState !== 'saved') ui().setSaveState('saved');
      return true;
    }
    return exclusive(() => revision);
  }

  /** Store listener: schedules a save for document changes only (not selection, sizes, UI). */
  function onChange(s: FlowState, prev: FlowState): void {
    if (blocked || sameDocument(s, prev)) return;
    if (sameDocument(snapshotOf(s), saved)) {
      clearTimeout(timer);
      if (!running && s.saveState === 'saving') s.setSaveState('saved');
      return;
    }
    if (s.saveState !== 'saving') s.setSaveState('saving');
    schedule(DEBOUNCE_MS);
  }

  /** Takes a draft from the server (reload, restored version) as the saved state. */
  function adopt(flow: FlowDetail): void {
    const snap = fromFlowDocument(flow.document);
    saved = snap;
    revision = flow.revision;
    blocked = null;
    deps.onConflict(false);
    ui().replaceDocument(snap);
    ui().setSaveState('saved');
    deps.onSaved(flow);
  }

  /** Saves the local document over the one that caused the conflict. */
  function overwrite(): Promise<boolean> {
    const base = blocked?.currentRevision ?? revision;
    blocked = null;
    deps.onConflict(false);
    return exclusive(() => base);
  }

  /** Leaving the editor still saves what was typed in the last 800 ms. */
  function dispose(): void {
    if (isDirty() && !blocked) void flush();
    else clearTimeout(timer);
  }

  const busy = () => isDirty() || running !== null;
  return { flush, onChange, adopt, overwrite, dispose, busy, revision: () => revision };
}

export type Autosaver = ReturnType<typeof createAutosaver>;
