// What the engine reacts to. Customer messages come from channels; the rest are results of actions
// the runner performed (timers, LLM calls, sends), fed back in order through the same inbound queue.
export type MessageReceived = {
  type: 'message_received';
  messageId: string;
  /** Text, a caption, or the title of the tapped button/row; '' for media without caption. */
  text: string;
  /** Id of the tapped reply button or list row, when the message is such a tap. */
  replyId: string | null;
  at: string;
};

export type TimerFired = { type: 'timer_fired'; token: string };
export type LlmResult = { type: 'llm_result'; token: string; text: string; handoff: boolean };
/** `cause`: why, by name (AI_FAILURE_CAUSES: `timeout`, `status`…), when the worker could tell. */
export type LlmFailed = { type: 'llm_failed'; token: string; reason: string; cause?: string };
/** The answer of a step's effect (start_effect of the same kind and token); `data` is the performer's own shape. */
export type EffectResult = { type: 'effect_result'; kind: string; token: string; data: unknown };
/** `code`: a stable name of the cause, when the effect knows it (an HTTP call's `timeout`, `blocked_address`…). */
export type EffectFailed = { type: 'effect_failed'; kind: string; token: string; reason: string; code?: string };
export type SendFailed = { type: 'send_failed'; messageId: string; reason: string };

export type EngineEvent = MessageReceived | TimerFired | LlmResult | LlmFailed | EffectResult | EffectFailed | SendFailed;
export type EngineEventType = EngineEvent['type'];
