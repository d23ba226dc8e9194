import type { Locale, Localized } from '../localized';
import { LOCALES, localized } from '../localized';
import type { CatalogEntry, ProblemParams, Severity } from './catalog-entry';
import { nodeProblems } from './node-problem-catalog';
import { documentProblems, graphProblems, variableProblems } from './problem-catalog';
import { setupProblems } from './setup-problem-catalog';
import { templateProblems } from './template-problem-catalog';

export type { ProblemParam, ProblemParams, Severity } from './catalog-entry';

export const problemCatalog = {
  ...documentProblems,
  ...graphProblems,
  ...variableProblems,
  ...nodeProblems,
  ...templateProblems,
  ...setupProblems,
} as const satisfies Record<string, CatalogEntry>;

export type ProblemCode = keyof typeof problemCatalog;

export interface Problem {
  code: ProblemCode;
  severity: Severity;
  nodeId?: string;
  edgeId?: string;
  /** Relative to the node or edge when nodeId/edgeId is set, otherwise to the document. */
  path: string;
  message: Localized;
}

/** What rules produce; severity and wording come from the catalog so they cannot drift. */
export interface ProblemDraft {
  code: ProblemCode;
  path: string;
  params?: ProblemParams;
  nodeId?: string;
  edgeId?: string;
}

function render(template: string, params: ProblemParams, locale: Locale): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = Object.hasOwn(params, key) ? params[key] : undefined;
    if (value === undefined) return whole;
    return typeof value === 'object' ? value[locale] : String(value);
  });
}

export function toProblem(draft: ProblemDraft): Problem {
  const entry = problemCatalog[draft.code];
  // A root-level problem has an empty path; name it so messages never show empty quotes.
  const path = draft.path === '' ? localized('flow', 'fluxo') : draft.path;
  const params = { path, ...draft.params };
  const [en, ptBR] = LOCALES.map((locale) => render(entry[locale], params, locale));
  return {
    code: draft.code,
    severity: entry.severity,
    ...(draft.nodeId === undefined ? {} : { nodeId: draft.nodeId }),
    ...(draft.edgeId === undefined ? {} : { edgeId: draft.edgeId }),
    path: draft.path,
    message: { en: en ?? '', 'pt-BR': ptBR ?? '' },
  };
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}

/** Prefixes a draft's path, e.g. a node check's 'buttons.0.title' becomes 'config.buttons.0.title'. */
export function prefixPath(prefix: string, path: string): string {
  if (prefix === '') return path;
  return path === '' ? prefix : `${prefix}.${path}`;
}
