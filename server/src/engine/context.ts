// Everything the engine may know about the outside world, passed in: no clocks, ids or I/O inside.
export type StepContext = {
  now: string; // ISO timestamp of the step
  newId: () => string;
  /** maxSteps: nodes entered per step; maxDeferred: messages queued while the bot is busy. */
  limits: { maxSteps: number; maxDeferred: number };
  contact: StepContact;
  /** The channel's customers' language: what the bot says in the marketer's stead (a wait step's default re-ask). Portuguese when absent. */
  customerLanguage?: 'pt-BR' | 'en';
};

/** The contact as the flow reads it; `attributes` by their stored names ("Cidade"), read any case as contact.<name>. */
export type StepContact = {
  name: string | null;
  phone: string | null;
  tags: string[];
  attributes: Readonly<Record<string, string>>;
};
