// Everything the engine may know about the outside world, passed in: no clocks, ids or I/O inside.
export type StepContext = {
  now: string; // ISO timestamp of the step
  newId: () => string;
  limits: { maxSteps: number };
  contact: { name: string | null; phone: string | null; tags: string[] };
};
