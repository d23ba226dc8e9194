// Effects as data: the engine returns these and the runner performs them (perform-actions.ts).
import type { NodeConfig } from '@zyntra/flows-schema';

type MessageConfig = NodeConfig<'message'>;

export type OutboundContent = {
  text: string;
  buttons: MessageConfig['buttons'];
  list: MessageConfig['list'];
  media: MessageConfig['media'];
  typingDelayMs: number;
  /**
   * A WhatsApp message template (the only kind Meta accepts outside the 24-hour window). `text` then
   * holds the body as the customer reads it, for the inbox and for channels without templates.
   */
  template?: TemplateSend;
};

/** Public contract (API.md "Template parameters everywhere"): values already filled in. */
export type TemplateSend = {
  name: string;
  language: string;
  parameters: {
    body?: string[];
    header?: { type: 'text' | 'image' | 'video' | 'document'; value: string };
    buttons?: Array<{ index: number; subType: 'quick_reply' | 'url' | 'copy_code'; value: string }>;
  };
};

export type LlmRequest = {
  systemPrompt: string;
  model: string;
  temperature: number;
  historyWindow: number;
  maxTokens: number;
  timeoutSeconds: number;
};

export type Action =
  | { type: 'send_message'; nodeId: string; content: OutboundContent }
  | { type: 'call_llm'; nodeId: string; token: string; request: LlmRequest }
  | { type: 'schedule_timer'; nodeId: string; token: string; delayMs: number }
  | { type: 'cancel_timer'; token: string }
  | { type: 'handoff_to_human'; nodeId: string; team: string | null }
  | { type: 'add_tags'; tags: string[] }
  | { type: 'set_opt_out'; optedOut: boolean }
  | { type: 'emit_event'; name: 'conversation.transferred' | 'flow.completed' | 'flow.failed'; payload: Record<string, unknown> };

export type ActionType = Action['type'];
