// A conversation's position in a published flow version. Stored as JSON in flow_sessions.state;
// the runner pins the version, so a session always resumes on the version it started on.
import type { MessageReceived } from './events';

export type WaitingFor = 'reply' | 'timer' | 'llm' | 'effect';

export type Cursor = {
  nodeId: string;
  waitingFor: WaitingFor;
  /** Matches the timer or LLM call this wait expects; stale results carry another token and are ignored. */
  token: string | null;
  /** With waitingFor 'effect': the kind of effect (start_effect) whose answer this wait expects. */
  effect?: string;
  /** Invalid answers so far at a `wait` node that checks the reply's type. */
  retries: number;
  /**
   * A schedule_timer with `token` was emitted and has not fired: leaving or ending this wait any
   * other way must cancel it, or the runner would keep a dead timer around. Absent means false.
   */
  timerPending?: boolean;
};

export type SessionState = {
  flowId: string;
  versionId: string;
  status: 'active' | 'ended';
  cursor: Cursor | null;
  vars: Record<string, string>;
  lastReply: string | null;
  /** Customer messages that arrived while the bot was busy (LLM call, delay): answered in order once it waits for a reply. */
  deferred: MessageReceived[];
  endedReason: string | null;
};

export type RunLogEntry = {
  at: string;
  nodeId: string | null;
  nodeType: string | null;
  outcome: string;
  error?: string;
};
