// Asks the LLM for an answer and parks until the runner feeds back its result or failure.
import { AI_FAILURE_CAUSES } from '@zyntra/flows-schema';
import type { Action } from '../actions';
import { fillText } from '../variables';
import { unexpectedEvent, type NodeHandler } from './types';

/**
 * The worker's cause names the outcome (ai_timeout, ai_status…), so the test chat and the inbox say it
 * in the reader's language; a lost call, or a cause this version does not know, stays llm_failed.
 */
const failedOutcome = (cause: string | undefined): string =>
  cause && (AI_FAILURE_CAUSES as readonly string[]).includes(cause) ? `ai_${cause}` : 'llm_failed';

export const aiReply: NodeHandler<'ai_reply'> = {
  enter(node, session, ctx) {
    const { systemPrompt, model, temperature, historyWindow, maxTokens, timeoutSeconds } = node.config;
    const token = ctx.newId();
    const request = {
      systemPrompt: fillText(systemPrompt, session, ctx),
      model,
      temperature,
      historyWindow,
      maxTokens,
      timeoutSeconds,
    };
    return { actions: [{ type: 'call_llm', nodeId: node.id, token, request }], wait: { waitingFor: 'llm', token } };
  },
  resume(node, _session, event) {
    if (event.type === 'llm_failed') return { next: 'error', actions: [], outcome: failedOutcome(event.cause), error: event.reason };
    if (event.type !== 'llm_result') throw unexpectedEvent(node, event);
    // The model decided a human should answer: say nothing and let the flow route the handoff.
    if (event.handoff) return { next: 'handoff', actions: [], outcome: 'handoff' };
    const { saveAs } = node.config;
    const actions: Action[] = [];
    if (event.text.trim() !== '') {
      const content = { text: event.text, buttons: [], list: null, media: null, typingDelayMs: 0 };
      actions.push({ type: 'send_message', nodeId: node.id, content });
    }
    return { next: 'ok', actions, ...(saveAs ? { vars: { [saveAs]: event.text } } : {}) };
  },
};
