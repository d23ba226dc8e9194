// What the test chat suggests typing first: the flow's own keyword ("promo"), so the suggestion
// really starts this flow. A regex is no word to type, so it is passed over.
import type { FlowState } from '../store/create-flow-store';

export function selectStartKeyword(s: Pick<FlowState, 'nodes'>): string | null {
  for (const node of s.nodes) {
    if (node.data.type !== 'trigger') continue;
    const keywords = (node.data.config as { keywords?: { match: string; value: string }[] }).keywords ?? [];
    const word = keywords.find((k) => k.match !== 'regex' && k.value.trim());
    if (word) return word.value.trim();
  }
  return null;
}
