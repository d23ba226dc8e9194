// Moves a conversation through the graph: enter nodes along edges until one waits or the flow
// ends, resume the parked node when its event arrives, then answer queued messages in order.
import { outputsOf } from '@zyntra/flows-schema';
import type { FlowNode, NodeType } from '@zyntra/flows-schema';
import { handlers, type NodeHandler, type ResumeEvent, type Step, type StepWait } from './handlers';
import { applyToContact } from './contact-changes';
import { completeFlow, ENDED, endSession, failFlow, record, type Run } from './run';

function handlerFor(node: FlowNode): NodeHandler<NodeType> | undefined {
  // hasOwn: a stored document naming a type this build does not know must not reach a prototype key.
  if (!Object.hasOwn(handlers, node.type)) return undefined;
  return handlers[node.type] as NodeHandler<NodeType>;
}

function park(run: Run, node: FlowNode, wait: StepWait): void {
  const { waitingFor, token = null, retries = 0, timerPending = false, effect } = wait;
  run.session.cursor = { nodeId: node.id, waitingFor, token, retries, timerPending, ...(effect === undefined ? {} : { effect }) };
}

/** Where `handle` leads, or null after ending the session because nothing is connected there. */
function follow(run: Run, node: FlowNode, handle: string): string | null {
  const edge = run.flow.edge(node.id, handle);
  if (edge) return edge.target;
  const outputs = outputsOf(node);
  if (outputs.length === 0) {
    record(run, node, ENDED.completed);
    completeFlow(run, node);
    return null;
  }
  // An optional handle left open is a legitimate end ("Thanks, bye!"); a required one is a fault
  // that validation should have caught before publishing.
  const required = outputs.find((output) => output.id === handle)?.required ?? true;
  if (required) failFlow(run, node, ENDED.noEdge, handle);
  else {
    record(run, node, ENDED.noEdge, handle);
    completeFlow(run, node);
  }
  return null;
}

/** Applies a handler's decision; returns the next node to enter, if the walk goes on. */
function settle(run: Run, node: FlowNode, step: Step, fallbackOutcome: string): string | null {
  run.actions.push(...step.actions);
  for (const action of step.actions) applyToContact(run.ctx.contact, action);
  if (step.vars) Object.assign(run.session.vars, step.vars);
  record(run, node, step.outcome ?? (step.wait ? 'waiting' : fallbackOutcome), step.error);
  if (step.end !== undefined) {
    endSession(run, step.end);
    return null;
  }
  if (step.wait) {
    park(run, node, step.wait);
    return null;
  }
  if (step.next === undefined) throw new Error(`node ${node.id} (${node.type}) neither moved, waited nor ended`);
  // Leaving the parked node: its handler already cancelled or consumed any timer it owned.
  run.session.cursor = null;
  return follow(run, node, step.next);
}

function enterOne(run: Run, nodeId: string): string | null {
  const node = run.flow.node(nodeId);
  if (!node) {
    failFlow(run, null, ENDED.unknownNode, `node ${nodeId} does not exist`);
    return null;
  }
  if (run.entered >= run.ctx.limits.maxSteps) {
    failFlow(run, node, ENDED.stepLimit, 'step_limit_exceeded');
    return null;
  }
  const handler = handlerFor(node);
  if (!handler) {
    failFlow(run, node, ENDED.unknownNode, `unknown node type ${node.type}`);
    return null;
  }
  run.entered += 1;
  return settle(run, node, handler.enter(node, run.session, run.ctx), 'entered');
}

export function enterAt(run: Run, nodeId: string): void {
  // A loop, not recursion: a long chain must not grow the call stack.
  let next: string | null = nodeId;
  while (next !== null) next = enterOne(run, next);
}

export function startAtTrigger(run: Run): void {
  const trigger = run.flow.trigger();
  if (trigger) enterAt(run, trigger.id);
  else failFlow(run, null, ENDED.noTrigger, 'the flow has no trigger node');
}

export function resumeAt(run: Run, event: ResumeEvent): void {
  const cursor = run.session.cursor;
  if (cursor === null) throw new Error('resume without a parked cursor');
  const node = run.flow.node(cursor.nodeId);
  const handler = node && handlerFor(node);
  if (!node || !handler?.resume) {
    failFlow(run, node ?? null, ENDED.unknownNode, `cannot resume at node ${cursor.nodeId}`);
    return;
  }
  const next = settle(run, node, handler.resume(node, run.session, event, run.ctx), 'resumed');
  if (next !== null) enterAt(run, next);
}

/**
 * Messages that arrived while the bot was busy are answered oldest first as soon as it waits for
 * a reply again. Each iteration consumes one message, so the loop ends; entering nodes on the way
 * still counts against maxSteps.
 */
export function drainDeferred(run: Run): void {
  const { session } = run;
  for (;;) {
    const waitsForReply = session.status === 'active' && session.cursor?.waitingFor === 'reply';
    const message = waitsForReply ? session.deferred.shift() : undefined;
    if (!message) return;
    session.lastReply = message.text;
    resumeAt(run, message);
  }
}
