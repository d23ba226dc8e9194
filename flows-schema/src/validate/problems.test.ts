import { describe, expect, it } from 'vitest';
import { localized } from '../localized';
import { hasErrors, problemCatalog, toProblem, type ProblemCode } from './problems';

const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('problem catalog', () => {
  it.each(Object.keys(problemCatalog) as ProblemCode[])(
    'when %s is rendered, then both languages exist and use the same params',
    (code) => {
      const entry = problemCatalog[code];
      expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(entry.en.trim()).not.toBe('');
      expect(entry['pt-BR'].trim()).not.toBe('');
      expect(entry.en).not.toBe(entry['pt-BR']);
      expect(placeholders(entry['pt-BR'])).toEqual(placeholders(entry.en));
    },
  );
});

describe('toProblem', () => {
  it('when params include localized values, then each language gets its own wording', () => {
    const problem = toProblem({
      code: 'output_unconnected',
      nodeId: 'n',
      path: 'outputs.next',
      params: { label: localized('Next', 'Próximo') },
    });
    expect(problem).toEqual({
      code: 'output_unconnected',
      severity: 'error',
      nodeId: 'n',
      path: 'outputs.next',
      message: { en: 'Connect the “Next” output.', 'pt-BR': 'Conecte a saída “Próximo”.' },
    });
  });

  it('when a draft has no node or edge, then those keys are absent and an empty path is named', () => {
    const problem = toProblem({ code: 'required_field', path: '' });
    expect(problem).not.toHaveProperty('nodeId');
    expect(problem).not.toHaveProperty('edgeId');
    expect(problem.message.en).toBe('“flow” is required.');
  });

  it('when a param is missing, then its placeholder stays visible instead of printing undefined', () => {
    expect(toProblem({ code: 'duplicate_node_id', path: 'id' }).message.en).toBe(
      'Another node already uses the id “{id}”.',
    );
  });

  it('when the list holds any error, then hasErrors is true; warnings alone are not errors', () => {
    const warning = toProblem({ code: 'node_unreachable', path: '' });
    expect(hasErrors([])).toBe(false);
    expect(hasErrors([warning])).toBe(false);
    expect(hasErrors([warning, toProblem({ code: 'missing_trigger', path: 'nodes' })])).toBe(true);
  });
});
