// Asks the LLM for an answer and parks until the runner feeds back its result or failure.
import type { Action } from '../actions';
import { fillText } from '../variables';
import { unexpectedEvent, type NodeHandler } from './types';

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
    if (event.type === 'llm_failed') return { next: 'error', actions: [], outcome: 'llm_failed', error: event.reason };
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
