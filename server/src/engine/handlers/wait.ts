// Waits for a reply (optionally validated, saved, re-asked and timed out) or for a fixed delay.
import type { FlowNodeOf, WaitConfig } from '@zyntra/flows-schema';
import type { Action } from '../actions';
import type { StepContext } from '../context';
import type { MessageReceived } from '../events';
import type { Cursor, SessionState } from '../session';
import { acceptsAnswer } from '../answers';
import { fillText } from '../variables';
import { unexpectedEvent, type NodeHandler, type Step } from './types';

type WaitNode = FlowNodeOf<'wait'>;

// Shown when the marketer left the retry prompt empty, in the channel's customers' language.
export const DEFAULT_RETRY_PROMPTS: Record<'pt-BR' | 'en', Record<WaitConfig['expect'], string>> = {
  'pt-BR': {
    any: 'Não entendi. Pode responder de novo?',
    text: 'Não entendi. Pode responder de novo?',
    number: 'Por favor, responda só com um número.',
    email: 'Esse e-mail não parece válido. Pode enviar de novo?',
    phone: 'Esse telefone não parece válido. Envie com DDD, só os números.',
    option: 'Por favor, escolha uma das opções.',
  },
  en: {
    any: "Sorry, I didn't get that. Could you answer again?",
    text: "Sorry, I didn't get that. Could you answer again?",
    number: 'Please answer with a number only.',
    email: "That email doesn't look valid. Could you send it again?",
    phone: "That phone number doesn't look valid. Please send it with its area code, digits only.",
    option: 'Please choose one of the options.',
  },
};

function cursorOf(node: WaitNode, session: SessionState): Cursor {
  const cursor = session.cursor;
  if (cursor?.nodeId !== node.id) throw new Error(`wait ${node.id} resumed without its cursor`);
  return cursor;
}

function cancelTimer(cursor: Cursor): Action[] {
  return cursor.timerPending && cursor.token !== null ? [{ type: 'cancel_timer', token: cursor.token }] : [];
}

function enterReply(node: WaitNode, ctx: StepContext): Step {
  const token = ctx.newId();
  const { timeoutSeconds } = node.config;
  if (timeoutSeconds === null) return { actions: [], wait: { waitingFor: 'reply', token } };
  const timer: Action = { type: 'schedule_timer', nodeId: node.id, token, delayMs: timeoutSeconds * 1000 };
  return { actions: [timer], wait: { waitingFor: 'reply', token, timerPending: true } };
}

function retryPrompt(node: WaitNode, session: SessionState, ctx: StepContext): Action {
  const { retryPrompt: template, expect } = node.config;
  const custom = template.trim() !== '';
  const text = custom ? fillText(template, session, ctx) : DEFAULT_RETRY_PROMPTS[ctx.customerLanguage ?? 'pt-BR'][expect];
  const content = { text, buttons: [], list: null, media: null, typingDelayMs: 0 };
  return { type: 'send_message', nodeId: node.id, content };
}

function answer(node: WaitNode, session: SessionState, event: MessageReceived, ctx: StepContext): Step {
  const cursor = cursorOf(node, session);
  const { expect, options, saveAs, maxRetries } = node.config;
  if (acceptsAnswer(expect, event.text, options)) {
    const vars = saveAs ? { [saveAs]: event.text.trim() } : undefined;
    return { next: 'next', actions: cancelTimer(cursor), vars };
  }
  if (cursor.retries < maxRetries) {
    // Same token: the original timeout keeps running, re-asking does not extend the deadline.
    const { token, timerPending } = cursor;
    const wait = { waitingFor: 'reply' as const, token, retries: cursor.retries + 1, timerPending };
    return { actions: [retryPrompt(node, session, ctx)], wait, outcome: 'retry' };
  }
  return { next: 'invalid', actions: cancelTimer(cursor), outcome: 'invalid' };
}

export const wait: NodeHandler<'wait'> = {
  enter(node, _session, ctx) {
    if (node.config.mode === 'reply') return enterReply(node, ctx);
    const token = ctx.newId();
    const timer: Action = { type: 'schedule_timer', nodeId: node.id, token, delayMs: node.config.delaySeconds * 1000 };
    return { actions: [timer], wait: { waitingFor: 'timer', token, timerPending: true } };
  },
  resume(node, session, event, ctx) {
    if (event.type === 'message_received' && node.config.mode === 'reply') return answer(node, session, event, ctx);
    if (event.type !== 'timer_fired') throw unexpectedEvent(node, event);
    if (node.config.mode === 'delay') return { next: 'next', actions: [] };
    return { next: 'timeout', actions: [], outcome: 'timeout' };
  },
};
