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

/**
 * A step's async effect (an HTTP call…): the runner performs `request` with the effects registry
 * entry named `kind` after the drain commits, and feeds the answer back as an effect_result or
 * effect_failed event carrying `token`. `waitMs` is how long the session waits before the job is
 * taken as lost. `request` is plain JSON: it is stored in the queue.
 */
export type StartEffect = { type: 'start_effect'; kind: string; nodeId: string; token: string; request: Record<string, unknown>; waitMs: number };

export type Action =
  | { type: 'send_message'; nodeId: string; content: OutboundContent }
  | { type: 'call_llm'; nodeId: string; token: string; request: LlmRequest }
  | StartEffect
  | { type: 'schedule_timer'; nodeId: string; token: string; delayMs: number }
  | { type: 'cancel_timer'; token: string }
  | { type: 'handoff_to_human'; nodeId: string; team: string | null }
  | { type: 'add_tags'; tags: string[] }
  | { type: 'remove_tags'; tags: string[] }
  | { type: 'set_attribute'; key: string; value: string }
  | { type: 'set_opt_out'; optedOut: boolean }
  | { type: 'emit_event'; name: 'conversation.transferred' | 'flow.completed' | 'flow.failed'; payload: Record<string, unknown> };

export type ActionType = Action['type'];
