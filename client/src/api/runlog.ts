// Wire type of GET /v1/conversations/{id}/runlog, read by the inbox's bot card and the builder's
// test chat (a test run is a conversation too).

export interface RunLogItem {
  at: string;
  nodeId: string;
  nodeType: string;
  outcome: string;
  error?: string;
  /** The marketer's name for the step, when it has one. */
  nodeName?: string;
  /** The label of the output taken ("Desconto", "Quero ver"), from the flow version that ran it. */
  outcomeLabel?: { en: string; 'pt-BR': string };
}
