// How large a flow may be. A draft is tenant input that the server validates on every save and
// read, and a published version is walked for every message, so size is capped where it is
// cheap to check: before any rule runs. Why these numbers: see "Limits" in the README.
import { problemCatalog, toProblem, type Problem, type ProblemCode, type ProblemDraft } from './problems';

export const FLOW_LIMITS = {
  /** The document as JSON, UTF-8; checked by the server (413), not by validateFlow. */
  maxDocumentBytes: 1_048_576,
  maxNodes: 2_000,
  maxEdges: 4_000,
  /** Regex keywords and regex condition rules together; each is compiled on validation. */
  maxRegexes: 50,
  /** JSON values in one node's config or in the settings, counted before the schema reads them. */
  maxSectionValues: 50_000,
  /** Problems one validation lists; the last place says that there are more. */
  maxProblems: 500,
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

/** Whether a JSON value holds more than `max` values in all; stops as soon as it knows. */
export function exceedsValues(value: unknown, max: number): boolean {
  const pending: unknown[] = [value];
  let seen = 0;
  while (pending.length > 0) {
    const current = pending.pop();
    seen += 1;
    if (typeof current !== 'object' || current === null) continue;
    const children = Array.isArray(current) ? current : Object.values(current);
    if (seen + pending.length + children.length > max) return true;
    for (const child of children) pending.push(child);
  }
  return false;
}

const LIMIT_CODES: ReadonlySet<ProblemCode> = new Set([
  'too_many_nodes',
  'too_many_edges',
  'too_many_regexes',
  'too_much_data',
]);

/** A problem that says the flow is over a limit, as opposed to unfinished or wrong. */
export function isLimitProblem(problem: { code: ProblemCode }): boolean {
  return LIMIT_CODES.has(problem.code);
}

function rank(draft: ProblemDraft): number {
  if (isLimitProblem(draft)) return 0;
  return problemCatalog[draft.code].severity === 'error' ? 1 : 2;
}

/**
 * At most maxProblems, in document order: limit problems first (callers act on them), then
 * errors (so a flow with errors keeps one listed), then warnings; the last says there are more.
 */
export function capProblems(drafts: ProblemDraft[]): ProblemDraft[] {
  const max = FLOW_LIMITS.maxProblems;
  if (drafts.length <= max) return drafts;
  const kept = [0, 1, 2].flatMap((r) => drafts.filter((draft) => rank(draft) === r)).slice(0, max - 1);
  const order = new Map(drafts.map((draft, index) => [draft, index]));
  kept.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return [...kept, { code: 'too_many_problems', path: '', params: { shown: max - 1 } }];
}
