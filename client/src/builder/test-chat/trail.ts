// The path a test conversation took, read from its run log: the steps it entered and, between
// consecutive steps, the connection that leads from one to the next. A transfer that ended the bot
// is reported too, so the chat can say "handed to a human" and keep that step lit.
import type { EditorEdge } from '../store/editor-types';
import type { TestTrail } from '../store/ui-slice';
import type { RunLogItem } from './test-api';

export const TRANSFERRED = 'transferred';

export function trailFromLog(log: readonly RunLogItem[], edges: readonly EditorEdge[]): TestTrail {
  const nodes: Record<string, true> = {};
  const walked: Record<string, true> = {};
  let previous: string | null = null;
  for (const item of log) {
    if (!item.nodeId) continue;
    nodes[item.nodeId] = true;
    if (previous && previous !== item.nodeId) {
      const from = previous;
      const to = item.nodeId;
      const edge = edges.find((e) => e.source === from && e.target === to);
      if (edge) walked[edge.id] = true;
    }
    previous = item.nodeId;
  }
  return { nodes, edges: walked };
}

/** The transfer step that handed the conversation over, if the run ended that way. */
export function handoffNode(log: readonly RunLogItem[]): string | null {
  for (let i = log.length - 1; i >= 0; i--) {
    const item = log[i]!;
    if (item.outcome === TRANSFERRED) return item.nodeId;
  }
  return null;
}

/**
 * The step that failed in the latest run (since its trigger), if any. An output left open is where the
 * flow ends ("no_edge": the problems list already warns of it), not a failure; an earlier run's
 * failure belongs to that run.
 */
export function runFailure(log: readonly RunLogItem[]): RunLogItem | null {
  for (let i = log.length - 1; i >= 0; i--) {
    const item = log[i]!;
    if (item.error && item.outcome !== 'no_edge') return item;
    if (item.nodeType === 'trigger' && item.outcome === 'entered') return null;
  }
  return null;
}

/** Two trails are the same when they light the same steps and connections. */
export function sameTrail(a: TestTrail, b: TestTrail): boolean {
  const same = (x: Record<string, true>, y: Record<string, true>) => {
    const keys = Object.keys(x);
    return keys.length === Object.keys(y).length && keys.every((k) => y[k]);
  };
  return same(a.nodes, b.nodes) && same(a.edges, b.edges);
}
