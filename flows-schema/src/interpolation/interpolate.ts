import { valueAnyCase } from '../contacts/attribute-name';
import { parseTemplate } from './parse-template';

type Vars = Readonly<Record<string, string | undefined>>;
/** Which names read any letter case: all (true), none, or those the function accepts. */
export type AnyCase = boolean | ((name: string) => boolean);

/** The value a name reads: its own spelling first, then (with `anyCase`) a name differing only in letter case. */
function valueOf(vars: Vars, name: string, anyCase: AnyCase): string | undefined {
  // hasOwn: a variable called "constructor" must not read Object.prototype.
  if (Object.hasOwn(vars, name)) return vars[name];
  const folds = typeof anyCase === 'function' ? anyCase(name) : anyCase;
  return folds ? valueAnyCase(vars, name) : undefined;
}

/**
 * Renders a template in a single pass: values are inserted verbatim and never re-interpolated,
 * so a customer who types "{{ x }}" as their name cannot inject placeholders. `anyCase` is for a
 * contact's attributes, one per name whatever its letter case: {{cidade}} reads "Cidade" (a flow
 * passes a function, so only its `contact.<attribute>` names do and its own variables keep their case).
 */
export function interpolate(template: string, vars: Vars, opts: { anyCase?: AnyCase } = {}): string {
  return parseTemplate(template)
    .map((segment) => {
      if (segment.kind === 'text') return segment.text;
      const value = valueOf(vars, segment.name, opts.anyCase ?? false);
      return value === undefined || value === '' ? (segment.fallback ?? '') : value;
    })
    .join('');
}
