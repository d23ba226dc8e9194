// Sends a message; with reply buttons or a list it parks until the customer picks something.
import { getNodeDefinition, normalizeText } from '@zyntra/flows-schema';
import type { FlowNodeOf } from '@zyntra/flows-schema';
import type { Action } from '../actions';
import { fillText } from '../variables';
import { unexpectedEvent, type NodeHandler } from './types';

type MessageNode = FlowNodeOf<'message'>;
type Choice = { handle: string; id: string; title: string };

export const NO_MATCH = 'no_match';

export function sendMessage(node: MessageNode, text: string): Action {
  const { buttons, list, media, typingDelayMs } = node.config;
  return { type: 'send_message', nodeId: node.id, content: { text, buttons, list, media, typingDelayMs } };
}

// Mirrors the definition's outputs(): buttons win over a list, so only their handles exist then.
function choicesOf(node: MessageNode): Choice[] {
  const { buttons, list } = node.config;
  if (buttons.length > 0) return buttons.map((b) => ({ handle: `btn:${b.id}`, id: b.id, title: b.title }));
  return (list?.rows ?? []).map((r) => ({ handle: `row:${r.id}`, id: r.id, title: r.title }));
}

/** "2", "2." or "2)": the option's place, as customers answer a numbered menu on WhatsApp. */
const NUMBERED = /^(\d{1,2})[.)]?$/;

/**
 * A tap carries the id; a typed answer that spells a title (any case or accents) counts as well, and
 * so does the option's number (1 for the first), unless the titles are numbers themselves (a
 * quantity or a size): there "2" can only mean the option called 2.
 */
export function pickChoice(node: MessageNode, replyId: string | null, text: string): string {
  const choices = choicesOf(node);
  const tapped = replyId === null ? undefined : choices.find((choice) => choice.id === replyId);
  if (tapped) return tapped.handle;
  const typed = normalizeText(text);
  const named = typed === '' ? undefined : choices.find((choice) => normalizeText(choice.title) === typed);
  const numbered = !choices.some((choice) => NUMBERED.test(normalizeText(choice.title)));
  const place = numbered ? Number(NUMBERED.exec(typed)?.[1] ?? 0) : 0;
  return named?.handle ?? choices[place - 1]?.handle ?? NO_MATCH;
}

export const message: NodeHandler<'message'> = {
  enter(node, session, ctx) {
    const actions = [sendMessage(node, fillText(node.config.text, session, ctx))];
    // Same predicate the editor uses to decide whether the node shows choice handles.
    if (!getNodeDefinition('message').waitsForCustomer(node.config)) return { next: 'next', actions };
    return { actions, wait: { waitingFor: 'reply' } };
  },
  resume(node, _session, event) {
    if (event.type !== 'message_received') throw unexpectedEvent(node, event);
    const handle = pickChoice(node, event.replyId, event.text);
    return { next: handle, actions: [], outcome: handle };
  },
};
