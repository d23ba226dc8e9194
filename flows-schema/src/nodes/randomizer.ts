import { z } from 'zod';
import { localized, truncate } from '../localized';
import type { ProblemDraft } from '../validate/problems';
import { firstOfEachId, handle, repeatedIndexes } from './common';
import { defineNode } from './define-node';
import { field } from './field-meta';

// An A/B split: each customer who reaches the step takes one of its paths, drawn at random in
// proportion to the paths' weights. The flow's analytics then count who reached what came next.
export const MAX_RANDOMIZER_PATHS = 6;

const pathSchema = z.object({
  id: z.string().min(1).max(64),
  label: field(z.string().max(40), {
    label: localized('Path name', 'Nome do caminho'),
    placeholder: localized('e.g. Offer A', 'ex.: Oferta A'),
  }),
  weight: field(z.int().min(1).max(100), { label: localized('Weight', 'Peso') }),
});

const randomizerConfig = z.object({
  paths: field(z.array(pathSchema).max(MAX_RANDOMIZER_PATHS), {
    label: localized('Add a path', 'Adicionar caminho'),
    hint: localized(
      'Each customer takes one path, drawn at random by weight: 1 and 1 split half and half, 3 and 1 send three in four down the first.',
      'Cada cliente segue um caminho, sorteado pelo peso: 1 e 1 dividem meio a meio, 3 e 1 mandam três em cada quatro pelo primeiro.',
    ),
  }),
});

export type RandomizerConfig = z.output<typeof randomizerConfig>;
type RandomizerPath = RandomizerConfig['paths'][number];

/** A path's name on its output and card: its own, or A, B, C… by position. */
export const pathName = (path: RandomizerPath, index: number): string => path.label.trim() || String.fromCharCode(65 + index);

/** Each path's share of the customers, in whole percent (rounded; for showing, not for drawing). */
export function pathShares(paths: readonly RandomizerPath[]): number[] {
  const total = paths.reduce((sum, path) => sum + path.weight, 0);
  return paths.map((path) => (total > 0 ? Math.round((path.weight / total) * 100) : 0));
}

function check(config: RandomizerConfig): ProblemDraft[] {
  const problems: ProblemDraft[] = [];
  if (config.paths.length === 0) problems.push({ code: 'branches_required', path: 'paths' });
  for (const i of repeatedIndexes(config.paths, (path) => path.id)) {
    problems.push({ code: 'duplicate_branch_id', path: `paths.${i}.id`, params: { id: config.paths[i]?.id ?? '' } });
  }
  return problems;
}

export const randomizerNode = defineNode({
  type: 'randomizer',
  version: 1,
  icon: 'arrows-split',
  color: 'pink',
  label: localized('Randomizer (A/B test)', 'Randomizador (teste A/B)'),
  description: localized(
    'Sends each customer down one of its paths at random, by weight: compare two offers or texts in the analytics.',
    'Manda cada cliente por um dos caminhos, sorteado pelo peso: compare duas ofertas ou textos nas análises.',
  ),
  config: randomizerConfig,
  isEntry: false,
  defaults: (): RandomizerConfig => ({
    paths: [
      { id: 'a', label: '', weight: 1 },
      { id: 'b', label: '', weight: 1 },
    ],
  }),
  outputs: (config) =>
    // Path ids are unique per check(); a duplicate would only shadow a handle, never invent one.
    firstOfEachId(config.paths).map((path) => {
      const name = pathName(path, config.paths.indexOf(path));
      return handle(`path:${path.id}`, localized(name, name), true);
    }),
  summary: (config) => {
    const shares = pathShares(config.paths);
    return truncate(config.paths.map((path, i) => `${pathName(path, i)} ${shares[i]}%`).join(' | '), 60);
  },
  waitsForCustomer: () => false,
  templates: () => [],
  check,
});
