// Editor UI state: drawers, clipboard, save status, live problems, test-run and analytics overlays.
// None of it is undoable or saved.
import type { Problem } from '@zyntra/flows-schema';
import type { Clipboard, XY } from './editor-types';

export type SaveState = 'idle' | 'saving' | 'saved' | 'error' | 'refused' | 'tooLarge' | 'conflict';
export type Drawer = 'problems' | 'settings' | 'versions' | null;
export interface TestTrail {
  nodes: Readonly<Record<string, true>>;
  edges: Readonly<Record<string, true>>;
}

export const NO_TRAIL: TestTrail = { nodes: {}, edges: {} };

export interface NodeStats {
  reached: number;
  stoppedHere: number;
}

export interface UiSlice {
  clipboard: Clipboard | null;
  /** How many times the current clipboard was pasted, so each paste lands a bit further away. */
  pasteCount: number;
  saveState: SaveState;
  drawer: Drawer;
  /** validateFlow's and the server's template checks together: what the panel and the cards show. */
  problems: Problem[];
  /** validateFlow's (or a refused publish's) list. */
  ownProblems: Problem[];
  /** The send_template steps against the workspace's templates, from the server. */
  templateProblems: Problem[];
  /** Error-severity problems; publishing is blocked while it is above zero. */
  errorCount: number;
  problemsByNode: Record<string, Problem[]>;
  problemsByEdge: Record<string, Problem[]>;
  testOpen: boolean;
  /** The node the test conversation is at, highlighted on the canvas. */
  testNodeId: string | null;
  /** The path the test conversation took: visited nodes and the connections it followed. */
  testTrail: TestTrail;
  /** The find-a-step box (Ctrl+K). */
  finderOpen: boolean;
  /** Connection routes from the last tidy-up, drawn while their ends have not moved. */
  edgeRoutes: Readonly<Record<string, XY[]>>;
  analytics: Record<string, NodeStats> | null;
  showAnalytics: boolean;
  /**
   * A card is being dragged (or was dropped a frame ago); on a large flow the store learns its
   * position only on the drop (see use-direct-drag). The side panel keeps showing `heldPanelId`, the
   * node it showed when the drag began, and autosave waits.
   */
  cardDrag: boolean;
  heldPanelId: string | null;
  /**
   * A card selected by dragging it while no side panel was open: moving a card does not open its
   * panel; clicking it does (the store's own selection changes end this).
   */
  quietNodeId: string | null;
  setSaveState(state: SaveState): void;
  setDrawer(drawer: Drawer): void;
  toggleDrawer(drawer: Exclude<Drawer, null>): void;
  setProblems(problems: Problem[]): void;
  setTemplateProblems(problems: Problem[]): void;
  setTestOpen(open: boolean): void;
  setTestNodeId(id: string | null): void;
  setTestTrail(trail: TestTrail): void;
  setFinderOpen(open: boolean): void;
  setEdgeRoutes(routes: Record<string, XY[]>): void;
  setAnalytics(stats: Record<string, NodeStats> | null): void;
  setShowAnalytics(show: boolean): void;
  setCardDrag(dragging: boolean): void;
  setQuietNode(id: string | null): void;
}

type Set = (partial: Partial<UiSlice> | ((s: UiSlice) => Partial<UiSlice>)) => void;

/** Keeps the previous array when a key's problems did not change, so its node does not re-render. */
function groupBy(problems: Problem[], key: 'nodeId' | 'edgeId', prev: Record<string, Problem[]>) {
  const next: Record<string, Problem[]> = {};
  for (const p of problems) {
    const id = p[key];
    if (id !== undefined) (next[id] ??= []).push(p);
  }
  const same = (a: Problem[] | undefined, b: Problem[]) =>
    a !== undefined && a.length === b.length && a.every((p, i) => p.code === b[i]!.code && p.path === b[i]!.path && p.message.en === b[i]!.message.en);
  for (const [id, list] of Object.entries(next)) if (same(prev[id], list)) next[id] = prev[id]!;
  return next;
}

const sameProblem = (a: Problem, b: Problem) => a.code === b.code && a.nodeId === b.nodeId && a.path === b.path && a.message.en === b.message.en;

/** Both lists as one, a template problem a refused publish already listed kept once. */
function withProblems(s: UiSlice, own: Problem[], fromTemplates: Problem[]): Partial<UiSlice> {
  const problems = fromTemplates.length === 0 ? own : [...own, ...fromTemplates.filter((p) => !own.some((o) => sameProblem(o, p)))];
  return {
    problems,
    ownProblems: own,
    templateProblems: fromTemplates,
    errorCount: problems.filter((p) => p.severity === 'error').length,
    problemsByNode: groupBy(problems, 'nodeId', s.problemsByNode),
    problemsByEdge: groupBy(problems, 'edgeId', s.problemsByEdge),
  };
}

export function createUiSlice(set: Set): UiSlice {
  return {
    clipboard: null,
    pasteCount: 0,
    saveState: 'idle',
    drawer: null,
    problems: [],
    ownProblems: [],
    templateProblems: [],
    errorCount: 0,
    problemsByNode: {},
    problemsByEdge: {},
    testOpen: false,
    testNodeId: null,
    testTrail: NO_TRAIL,
    finderOpen: false,
    edgeRoutes: {},
    analytics: null,
    showAnalytics: false,
    cardDrag: false,
    heldPanelId: null,
    quietNodeId: null,
    setSaveState: (saveState) => set({ saveState }),
    setDrawer: (drawer) => set({ drawer }),
    toggleDrawer: (drawer) => set((s) => ({ drawer: s.drawer === drawer ? null : drawer })),
    setProblems: (problems) => set((s) => withProblems(s, problems, s.templateProblems)),
    setTemplateProblems: (problems) => set((s) => withProblems(s, s.ownProblems, problems)),
    setTestOpen: (testOpen) => set(testOpen ? { testOpen } : { testOpen, testNodeId: null, testTrail: NO_TRAIL }),
    setTestNodeId: (testNodeId) => set({ testNodeId }),
    setTestTrail: (testTrail) => set({ testTrail }),
    setFinderOpen: (finderOpen) => set({ finderOpen }),
    setEdgeRoutes: (edgeRoutes) => set({ edgeRoutes }),
    setAnalytics: (analytics) => set({ analytics }),
    setShowAnalytics: (showAnalytics) => set({ showAnalytics }),
    setCardDrag: (cardDrag) => set({ cardDrag }),
    setQuietNode: (quietNodeId) => set({ quietNodeId }),
  };
}
