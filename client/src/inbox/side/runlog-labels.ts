// Words for the run log's steps and outcomes, from the steps' own definitions: the inbox names a
// step as the builder does, in the agent's language, for every step type.
import { anyNodeDefinition, isNodeType, type Locale } from '@zyntra/flows-schema';

/** A step's name as the builder shows it; a type this build does not know, as stored. */
export function stepLabel(type: string, locale: Locale): string {
  return isNodeType(type) ? anyNodeDefinition(type).label[locale] : type;
}

/**
 * The label of a step's fixed output ("Open", "Error"); undefined for a per-flow output (a button,
 * a branch, a path: ids with a colon, named only in the flow) or an unknown type.
 */
export function fixedOutputLabel(type: string, outcome: string, locale: Locale): string | undefined {
  if (!isNodeType(type) || outcome.includes(':')) return undefined;
  const def = anyNodeDefinition(type);
  return def.outputs(def.defaults()).find((o) => o.id === outcome)?.label[locale];
}

/**
 * The outcome word of a failure that names its cause (an HTTP call's http_timeout, an AI reply's
 * ai_status…): the label says it failed (http_failed, llm_failed), the line beside it says why.
 */
export function failedOutcomeWord(outcome: string, nodeType: string | undefined): string {
  if (nodeType === 'http_request' && outcome.startsWith('http_')) return 'http_failed';
  return nodeType === 'ai_reply' && outcome.startsWith('ai_') ? 'llm_failed' : outcome;
}
