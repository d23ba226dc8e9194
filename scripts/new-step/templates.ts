// The files `npm run new:step <type>` writes: a working, tested step that does nothing yet but
// compiles, validates, runs and shows up in the editor with a generated panel.
export interface StepNames {
  /** node type as stored in documents: snake_case (`send_email`) */
  type: string;
  /** file name stem: kebab-case (`send-email`) */
  file: string;
  /** handler and definition identifiers: camelCase (`sendEmail`) */
  camel: string;
  /** component names: PascalCase (`SendEmail`) */
  pascal: string;
}

export function stepNames(type: string): StepNames {
  const words = type.split('_');
  const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  return { type, file: words.join('-'), camel: words[0] + words.slice(1).map(cap).join(''), pascal: words.map(cap).join('') };
}

export const definition = (n: StepNames) => `import { z } from 'zod';
import { localized, truncate } from '../localized';
import { handle } from './common';
import { defineNode } from './define-node';
import { field } from './field-meta';

// Field wording lives here, in .meta: the editor's generated panel reads it (no locale file).
const ${n.camel}Config = z.object({
  note: field(z.string().max(200), {
    label: localized('Note', 'Nota'),
    hint: localized('What this step does, for the team.', 'O que esta etapa faz, para a equipe.'),
    placeholder: localized('e.g. Tag the lead', 'ex.: Etiquetar o lead'),
  }),
});

export type ${n.pascal}Config = z.output<typeof ${n.camel}Config>;

export const ${n.camel}Node = defineNode({
  type: '${n.type}',
  version: 1,
  icon: 'bolt',
  color: 'cyan',
  label: localized('${n.pascal}', '${n.pascal}'),
  description: localized('TODO: what this step does.', 'TODO: o que esta etapa faz.'),
  config: ${n.camel}Config,
  isEntry: false,
  defaults: (): ${n.pascal}Config => ({ note: '' }),
  outputs: () => [handle('next', localized('Next', 'Próximo'), true)],
  summary: (config) => truncate(config.note, 60),
  waitsForCustomer: () => false,
  templates: () => [],
});
`;

export const definitionTest = (n: StepNames) => `import { describe, expect, it } from 'vitest';
import { ${n.camel}Node } from './${n.file}';

describe('${n.type} node', () => {
  it('when created with its defaults, then the config parses and it has one required output', () => {
    expect(${n.camel}Node.config.parse(${n.camel}Node.defaults())).toEqual(${n.camel}Node.defaults());
    expect(${n.camel}Node.outputs(${n.camel}Node.defaults()).map((o) => [o.id, o.required])).toEqual([['next', true]]);
  });
});
`;

export const handler = (n: StepNames) => `// ${n.pascal}: semantics only. Effects leave as actions (see ../actions.ts); the runner performs them.
import type { NodeHandler } from './types';

export const ${n.camel}: NodeHandler<'${n.type}'> = {
  enter() {
    return { actions: [], next: 'next' };
  },
};
`;

export const handlerTest = (n: StepNames) => `import { describe, expect, it } from 'vitest';
import { node, session, testContext } from '../testing/fixtures';
import { ${n.camel} } from './${n.file}';

describe('${n.type} handler', () => {
  it('when entered, then it moves on through next', () => {
    expect(${n.camel}.enter(node('${n.type}', 'x', {}), session(), testContext())).toEqual({ actions: [], next: 'next' });
  });
});
`;

export const panel = (n: StepNames) => `// The ${n.type} step's side panel. The generated form covers plain fields; add hand-written parts
// only where they earn it (see docs/adding-a-step.md).
import { ConfigForm } from './generic/ConfigForm';
import type { PanelProps } from './panel-props';

export function ${n.pascal}Panel({ nodeId }: PanelProps) {
  return <ConfigForm nodeId={nodeId} type="${n.type}" />;
}
`;
