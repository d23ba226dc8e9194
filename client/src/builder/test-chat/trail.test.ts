import { describe, expect, it } from 'vitest';
import { makeEdge } from '../store/document-convert';
import { handoffNode, runFailure, sameTrail, trailFromLog } from './trail';

const edges = [
  makeEdge({ id: 'e1', source: 'start', sourceHandle: 'next', target: 'menu' }),
  makeEdge({ id: 'e2', source: 'menu', sourceHandle: 'btn:yes', target: 'human' }),
  makeEdge({ id: 'e3', source: 'menu', sourceHandle: 'btn:no', target: 'bye' }),
];
const entry = (nodeId: string | null, outcome: string) => ({ at: '2026-12-01T10:00:00Z', nodeId: nodeId as string, nodeType: 'x', outcome });

describe('test trail', () => {
  it('when the conversation went start → menu (waiting) → human, then those steps and the two connections light up', () => {
    const log = [entry('start', 'entered'), entry('menu', 'waiting'), entry('menu', 'btn:yes'), entry('human', 'transferred')];
    const trail = trailFromLog(log, edges);
    expect(Object.keys(trail.nodes).sort()).toEqual(['human', 'menu', 'start']);
    expect(Object.keys(trail.edges).sort()).toEqual(['e1', 'e2']);
    expect(handoffNode(log)).toBe('human');
    expect(sameTrail(trail, trailFromLog(log, edges))).toBe(true);
  });

  it('when log entries have no node or no connection joins two steps, then nothing is invented', () => {
    const trail = trailFromLog([entry(null, 'send_failed'), entry('start', 'entered'), entry('bye', 'entered')], edges);
    expect(trail.edges).toEqual({});
    expect(handoffNode([entry('start', 'entered')])).toBeNull();
  });

  it('when a run ends on an open output or an earlier run failed, then the latest run shows no failure; a failed step in it does', () => {
    const at = '2026-12-03T10:00:00Z';
    const item = (nodeId: string, nodeType: string, outcome: string, error?: string) => ({ at, nodeId, nodeType, outcome, ...(error ? { error } : {}) });
    const failedAi = item('ai', 'ai_reply', 'failed', 'no AI provider is configured');
    // The AI step failed and took its open "error" output: the step's failure is shown, not "error".
    expect(runFailure([item('start', 'trigger', 'entered'), failedAi, item('ai', 'ai_reply', 'no_edge', 'error')])).toBe(failedAi);
    // A condition that ends on its open "else" output is the flow's end.
    expect(runFailure([item('start', 'trigger', 'entered'), item('cond', 'condition', 'no_edge', 'else')])).toBeNull();
    // A new run (its trigger entered again) starts clean.
    expect(runFailure([item('start', 'trigger', 'entered'), failedAi, item('start', 'trigger', 'entered'), item('hi', 'message', 'entered')])).toBeNull();
  });
});
