// Effects as data: the engine returns these and the runner performs them (perform-actions.ts).
import type { OutboundContent } from '@zyntra/flows-schema';

export type LlmRequest = {
  systemPrompt: string;
  model: string;
  temperature: number;
  historyWindow: number;
  maxTokens: number;
  timeoutSeconds: number;
};

/** An http_request step's call. Header values are not here: the effect reads them from the step itself. */
export type HttpCall = { versionId: string; method: string; url: string; body: string | null; timeoutMs: number; maxResponseBytes: number };

export type Action =
  | { type: 'send_message'; nodeId: string; content: OutboundContent }
  | { type: 'call_llm'; nodeId: string; token: string; request: LlmRequest }
  | { type: 'call_http'; nodeId: string; token: string; request: HttpCall }
  | { type: 'schedule_timer'; nodeId: string; token: string; delayMs: number }
  | { type: 'cancel_timer'; token: string }
  | { type: 'handoff_to_human'; nodeId: string; team: string | null }
  | { type: 'add_tags'; tags: string[] }
  | { type: 'remove_tags'; tags: string[] }
  | { type: 'set_attribute'; key: string; value: string }
  | { type: 'set_opt_out'; optedOut: boolean }
  | { type: 'emit_event'; name: 'conversation.transferred' | 'flow.completed' | 'flow.failed'; payload: Record<string, unknown> };

export type ActionType = Action['type'];
