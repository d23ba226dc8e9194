// The mutable scratchpad of one step() call. step() copies the caller's session into it, so
// from the outside the engine stays a pure function of (version, session, event, ctx).
import type { FlowNode } from '@zyntra/flows-schema';
import type { Action } from './actions';
import type { StepContext } from './context';
import { copyContact } from './contact-changes';
import { indexFlow, type FlowIndex, type FlowVersionRef } from './flow-index';
import type { RunLogEntry, SessionState } from './session';

export type Run = {
  version: FlowVersionRef;
  flow: FlowIndex;
  ctx: StepContext;
  session: SessionState;
  actions: Action[];
  log: RunLogEntry[];
  /** Nodes entered during this step; bounded by ctx.limits.maxSteps so a cyclic flow cannot spin. */
  entered: number;
};

export const ENDED = {
  completed: 'completed',
  exitKeyword: 'exit_keyword',
  stepLimit: 'step_limit',
  noEdge: 'no_edge',
  unknownNode: 'unknown_node',
  noTrigger: 'no_trigger',
} as const;

export function freshSession(version: FlowVersionRef, lastReply: string | null): SessionState {
  const { flowId, versionId } = version;
  return { flowId, versionId, status: 'active', cursor: null, vars: {}, lastReply, deferred: [], endedReason: null };
}

function copySession(session: SessionState): SessionState {
  const cursor = session.cursor === null ? null : { ...session.cursor };
  return { ...session, cursor, vars: { ...session.vars }, deferred: [...session.deferred] };
}

export function openRun(version: FlowVersionRef, session: SessionState, ctx: StepContext): Run {
  if (session.flowId !== version.flowId || session.versionId !== version.versionId) {
    // The runner pins a session to its version; resuming a cursor on another graph is meaningless.
    const pinned = `${session.flowId}@${session.versionId}`;
    throw new Error(`session of ${pinned} stepped with ${version.flowId}@${version.versionId}`);
  }
  const flow = indexFlow(version.document);
  // The contact is copied too: an Actions step's changes are seen by later steps of this run only.
  return { version, flow, ctx: { ...ctx, contact: copyContact(ctx.contact) }, session: copySession(session), actions: [], log: [], entered: 0 };
}

export function record(run: Run, node: FlowNode | null, outcome: string, error?: string): void {
  const entry: RunLogEntry = { at: run.ctx.now, nodeId: node?.id ?? null, nodeType: node?.type ?? null, outcome };
  if (error !== undefined) entry.error = error;
  run.log.push(entry);
}

/** The node the cursor is parked on, for log entries about events that reach it. */
export function cursorNode(run: Run): FlowNode | null {
  const cursor = run.session.cursor;
  return cursor === null ? null : (run.flow.node(cursor.nodeId) ?? null);
}

/** A timer still pending when the conversation moves elsewhere would fire into nothing. */
export function cancelPendingTimer(run: Run): void {
  const cursor = run.session.cursor;
  if (cursor?.timerPending && cursor.token !== null) run.actions.push({ type: 'cancel_timer', token: cursor.token });
  if (cursor) cursor.timerPending = false;
}

export function endSession(run: Run, reason: string): void {
  cancelPendingTimer(run);
  run.session.status = 'ended';
  run.session.cursor = null;
  run.session.endedReason = reason;
}

function flowEvent(run: Run, name: 'flow.completed' | 'flow.failed', node: FlowNode | null, reason: string): void {
  const { flowId, versionId } = run.version;
  run.actions.push({ type: 'emit_event', name, payload: { flowId, versionId, nodeId: node?.id ?? null, reason } });
}

/** The flow ran out of road normally: a terminal node or an optional, unconnected handle. */
export function completeFlow(run: Run, node: FlowNode | null): void {
  flowEvent(run, 'flow.completed', node, ENDED.completed);
  endSession(run, ENDED.completed);
}

/** A flow fault is a value, not an exception: log it, stop safely, and tell whoever listens. */
export function failFlow(run: Run, node: FlowNode | null, reason: string, error: string): void {
  record(run, node, reason, error);
  flowEvent(run, 'flow.failed', node, reason);
  endSession(run, reason);
}
