// How large a flow may be. A draft is tenant input that the server validates on every save and
// read, and a published version is walked for every message, so size is capped where it is
// cheap to check: before any rule runs. Why these numbers: see "Limits" in the README.
import { toProblem, type Problem, type ProblemDraft } from './problems';

export const FLOW_LIMITS = {
  /** The document as JSON, UTF-8; checked by the server (413), not by validateFlow. */
  maxDocumentBytes: 1_048_576,
  maxNodes: 2_000,
  maxEdges: 4_000,
  /** Regex keywords and regex condition rules together; each is compiled on validation. */
  maxRegexes: 50,
} as const;

function countOf(doc: Record<string, unknown>, key: 'nodes' | 'edges'): number {
  const list = doc[key];
  return Array.isArray(list) ? list.length : 0;
}

/** Node and edge counts over the limits; constant time, whatever else the document holds. */
export function sizeDrafts(doc: unknown): ProblemDraft[] {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return [];
  const record = doc as Record<string, unknown>;
  const drafts: ProblemDraft[] = [];
  const nodes = countOf(record, 'nodes');
  if (nodes > FLOW_LIMITS.maxNodes) {
    drafts.push({
      code: 'too_many_nodes',
      path: 'nodes',
      params: { count: nodes, max: FLOW_LIMITS.maxNodes },
    });
  }
  const edges = countOf(record, 'edges');
  if (edges > FLOW_LIMITS.maxEdges) {
    drafts.push({
      code: 'too_many_edges',
      path: 'edges',
      params: { count: edges, max: FLOW_LIMITS.maxEdges },
    });
  }
  return drafts;
}

/** The same check as problems, for callers that refuse oversized documents before storing them. */
export function flowSizeProblems(doc: unknown): Problem[] {
  return sizeDrafts(doc).map(toProblem);
}
