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
  /**
   * A WhatsApp message template (the only kind Meta accepts outside the 24-hour window). `text` then
   * holds the body as the customer reads it, for the inbox and for channels without templates.
   */
  template?: TemplateSend;
  /** The message this one answers, quoted on the customer's phone (an agent chose "Reply" on it). */
  context?: OutboundQuote;
};

/**
 * A quoted message as the channels need it: its provider id on this channel, whether we sent it
 * (Evolution's `fromMe`), and its first words (the web-chat widget shows them above the answer).
 */
export type OutboundQuote = { messageId: string; fromMe: boolean; text: string };

/** A template with its parameter values already filled in (API.md "Template parameters everywhere"). */
export type TemplateSend = {
  name: string;
  language: string;
  parameters: {
    body?: string[];
    header?: { type: 'text' | 'image' | 'video' | 'document'; value: string };
    buttons?: Array<{ index: number; subType: 'quick_reply' | 'url' | 'copy_code'; value: string }>;
  };
  /**
   * The variable names of a template made with named parameters ({{first_name}}), read from the
   * channel's template when the send is stored: WhatsApp wants each value with its `parameter_name`
   * (reference/whatsapp-templates.md §3). `body`: in the order the body values are given. Absent for
   * positional templates ({{1}}), which take the values in order.
   */
  parameterNames?: { body?: string[]; header?: string };
};
