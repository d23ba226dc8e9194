import type { FlowModel } from './flow-model';
import { capProblems, sizeDrafts } from './flow-limits';
import { toProblem, type Problem, type ProblemDraft } from './problems';
import { readFlow } from './read-flow';
import { checkCycles } from './rules/cycles';
import { checkDuplicateIds } from './rules/duplicate-ids';
import { checkHandles } from './rules/handles';
import { checkNodes } from './rules/node-checks';
import { checkOutputs } from './rules/outputs';
import { checkReachability } from './rules/reachability';
import { checkSecrets } from './rules/secrets';
import { checkServiceWindow } from './rules/service-window';
import { checkTriggers } from './rules/triggers';
import { checkDeclaredVariables, checkTemplates } from './rules/variables';

const rules: ReadonlyArray<(model: FlowModel) => ProblemDraft[]> = [
  checkDuplicateIds,
  checkTriggers,
  checkHandles,
  checkOutputs,
  checkReachability,
  checkServiceWindow,
  checkCycles,
  checkDeclaredVariables,
  checkTemplates,
  checkNodes,
  checkSecrets,
];

function describeError(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'unknown error';
  }
}

/** The graph and content rules over a readable model; each is linear in nodes + edges. */
export function validateModel(model: FlowModel): ProblemDraft[] {
  return rules.flatMap((rule) => rule(model));
}

/**
 * Every problem in a flow document of any shape: shape problems first (per node and edge, so one
 * bad node does not hide the others), then graph and content rules over whatever was readable.
 * A document over the node or edge limit gets only that problem, at once.
 * It never throws; a bug in a rule becomes an internal_error problem rather than a crash.
 */
export function validateFlow(doc: unknown): Problem[] {
  try {
    const oversized = sizeDrafts(doc);
    if (oversized.length > 0) return oversized.map(toProblem);
    const { model, drafts } = readFlow(doc);
    const ruleDrafts = model ? validateModel(model) : [];
    return capProblems([...drafts, ...ruleDrafts]).map(toProblem);
  } catch (error) {
    return [toProblem({ code: 'internal_error', path: '', params: { reason: describeError(error) } })];
  }
}
