// The shape of one outbound chat message as every channel sends it: what a flow's message step,
// an agent's reply or an AI answer becomes before a channel adapter formats it for its provider.
import type { MessageConfig } from './nodes/message-config';

export type OutboundContent = {
  text: string;
  buttons: MessageConfig['buttons'];
  list: MessageConfig['list'];
  media: MessageConfig['media'];
  /** Shown as "typing…" before the message; waited out by the sender, never inside the provider call. */
  typingDelayMs: number;
};
