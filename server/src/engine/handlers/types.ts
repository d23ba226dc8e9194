// The contract between the interpreter and one node type. Handlers are pure: they read the node,
// the session and the context, and describe what happens next; the interpreter applies it.
import type { FlowNodeOf, NodeType } from '@zyntra/flows-schema';
import type { Action } from '../actions';
import type { StepContext } from '../context';
import type { EffectFailed, EffectResult, LlmFailed, LlmResult, MessageReceived, TimerFired } from '../events';
import type { SessionState, WaitingFor } from '../session';

/** Events that can wake a parked cursor; send_failed never resumes a node. */
export type ResumeEvent = MessageReceived | TimerFired | LlmResult | LlmFailed | EffectResult | EffectFailed;

export type StepWait = {
  waitingFor: WaitingFor;
  token?: string | null;
  /** With waitingFor 'effect': the kind of the effect started with `token`. */
  effect?: string;
  /** Defaults to 0: only a wait node re-asking after an invalid answer carries retries over. */
  retries?: number;
  /** True when this step (or the wait it continues) scheduled a timer that has not fired yet. */
  timerPending?: boolean;
};

/**
 * What entering or resuming a node decided. Exactly one of `next`, `wait` or `end` says where
 * the conversation goes; `outcome` overrides the run-log outcome the interpreter would pick.
 */
export type Step = {
  next?: string;
  actions: Action[];
  wait?: StepWait;
  vars?: Record<string, string>;
  end?: string;
  outcome?: string;
  error?: string;
};

// Method syntax on purpose: it lets the interpreter call a handler through the erased
// NodeHandler<NodeType> view after looking it up by the node's own type.
export interface NodeHandler<T extends NodeType = NodeType> {
  enter(node: FlowNodeOf<T>, session: SessionState, ctx: StepContext): Step;
  resume?(node: FlowNodeOf<T>, session: SessionState, event: ResumeEvent, ctx: StepContext): Step;
}

export type HandlerRegistry = { [T in NodeType]: NodeHandler<T> };

/** The interpreter routes events by cursor.waitingFor, so any other event here is a bug. */
export function unexpectedEvent(node: { id: string; type: string }, event: ResumeEvent): Error {
  return new Error(`node ${node.id} (${node.type}) cannot resume on ${event.type}`);
}
