// WhatsApp accepts a plain message only within 24 hours of the customer's last message; after that,
// only an approved template. A message (or AI reply) reached through a wait that can end after 24
// hours (a long delay, or a "no reply" timeout) without the customer writing in between is warned
// about: it would be refused at run time; a send_template step is the way to write then. Linear:
// each node is visited once.
import type { WaitConfig } from '../../nodes/wait';
import { nodesById, type FlowModel, type ModelEdge, type ModelNode } from '../flow-model';
import type { ProblemDraft } from '../problems';

export const SERVICE_WINDOW_SECONDS = 24 * 3600;
const SENDS_PLAIN_MESSAGE = new Set<string>(['message', 'ai_reply']);

/** The outputs of a node that can fire after the window closed, with the customer silent. */
function lateOutputs(node: ModelNode): string[] {
  if (node.type !== 'wait' || !node.configValid) return [];
  const c = node.config as WaitConfig;
  if (c.mode === 'delay') return c.delaySeconds >= SERVICE_WINDOW_SECONDS ? ['next'] : [];
  return c.timeoutSeconds !== null && c.timeoutSeconds >= SERVICE_WINDOW_SECONDS ? ['timeout'] : [];
}

/**
 * What follows a node on a path where the customer has not written: a reply wait's answers, and the
 * choices of a message with buttons or a list, come from the customer and reopen the window.
 */
function silentOutputs(node: ModelNode, edges: ModelEdge[]): ModelEdge[] {
  if (!node.configValid) return edges;
  if (node.type !== 'wait') return node.def.waitsForCustomer(node.config) ? [] : edges;
  const c = node.config as WaitConfig;
  return c.mode === 'delay' ? edges : edges.filter((e) => e.sourceHandle === 'timeout');
}

export function checkServiceWindow(model: FlowModel): ProblemDraft[] {
  const byId = nodesById(model);
  const out = new Map<string, ModelEdge[]>();
  for (const edge of model.edges) {
    const list = out.get(edge.source);
    if (list) list.push(edge);
    else out.set(edge.source, [edge]);
  }
  const queue: string[] = [];
  const seen = new Set<string>();
  for (const node of byId.values()) {
    const late = lateOutputs(node);
    for (const edge of out.get(node.id) ?? []) if (late.includes(edge.sourceHandle) && !seen.has(edge.target)) { seen.add(edge.target); queue.push(edge.target); }
  }
  const problems: ProblemDraft[] = [];
  for (let head = 0; head < queue.length; head += 1) {
    const node = byId.get(queue[head] as string);
    if (!node) continue;
    if (SENDS_PLAIN_MESSAGE.has(node.type)) problems.push({ code: 'message_outside_window', nodeId: node.id, path: '' });
    for (const edge of silentOutputs(node, out.get(node.id) ?? [])) {
      if (!seen.has(edge.target)) { seen.add(edge.target); queue.push(edge.target); }
    }
  }
  return problems;
}
