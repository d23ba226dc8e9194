// Problems as a person reads them: errors first, then warnings, each grouped under the step (by
// its own name) or connection they belong to; flow-level ones under the flow.
import type { Locale, Problem, Severity } from '@zyntra/flows-schema';
import { stepDetail, stepTitle } from '../finder/search-steps';
import type { EditorEdge, EditorNode } from '../store/editor-types';

export interface ProblemGroup {
  /** The step to open when the group is clicked (for a connection: its source step). */
  nodeId: string | null;
  /** The step's name (or type label); null for a flow-level group. */
  title: string | null;
  /** For a step without a name: its card's text, so two "Message" steps can be told apart. */
  detail: string | null;
  /** The problems are about a connection leaving this step. */
  connection: boolean;
  problems: Problem[];
}

export interface SeverityGroup {
  severity: Severity;
  groups: ProblemGroup[];
  count: number;
}

const SEVERITIES: Severity[] = ['error', 'warning'];

export function groupProblems(problems: readonly Problem[], nodes: readonly EditorNode[], edges: readonly EditorEdge[], locale: Locale): SeverityGroup[] {
  const nodesById = new Map(nodes.map((n) => [n.id, n]));
  const edgeSource = new Map(edges.map((e) => [e.id, e.source]));
  return SEVERITIES.flatMap((severity) => {
    const groups = new Map<string, ProblemGroup>();
    for (const p of problems) {
      if (p.severity !== severity) continue;
      const nodeId = p.nodeId ?? (p.edgeId ? (edgeSource.get(p.edgeId) ?? null) : null);
      const connection = p.nodeId === undefined && p.edgeId !== undefined;
      const key = `${nodeId ?? ''}|${connection}`;
      const node = nodeId ? nodesById.get(nodeId) : undefined;
      let group = groups.get(key);
      if (!group) {
        group = { nodeId, title: node ? stepTitle(node, locale) : null, detail: node ? stepDetail(node, locale) : null, connection, problems: [] };
        groups.set(key, group);
      }
      group.problems.push(p);
    }
    const list = [...groups.values()];
    const count = list.reduce((n, g) => n + g.problems.length, 0);
    return count ? [{ severity, groups: list, count }] : [];
  });
}
