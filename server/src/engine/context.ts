// Everything the engine may know about the outside world, passed in: no clocks, ids or I/O inside.
export type StepContext = {
  now: string; // ISO timestamp of the step
  newId: () => string;
  /** maxSteps: nodes entered per step; maxDeferred: messages queued while the bot is busy. */
  limits: { maxSteps: number; maxDeferred: number };
  contact: { name: string | null; phone: string | null; tags: string[] };
};
