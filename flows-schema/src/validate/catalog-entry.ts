import type { Localized } from '../localized';

export type Severity = 'error' | 'warning';

/** Message templates use `{name}` placeholders filled from a problem's params. */
export interface CatalogEntry {
  readonly severity: Severity;
  readonly en: string;
  readonly 'pt-BR': string;
}

export function error(en: string, ptBR: string): CatalogEntry {
  return { severity: 'error', en, 'pt-BR': ptBR };
}

export function warning(en: string, ptBR: string): CatalogEntry {
  return { severity: 'warning', en, 'pt-BR': ptBR };
}

export type ProblemParam = string | number | Localized;
export type ProblemParams = Readonly<Record<string, ProblemParam>>;
