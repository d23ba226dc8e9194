import { parseTemplate } from './parse-template';

type Vars = Readonly<Record<string, string | undefined>>;

const folded = (name: string) => name.normalize('NFC').toLowerCase();

/** The value a name reads: its own spelling first, then (with `anyCase`) a name differing only in letter case. */
function valueOf(vars: Vars, name: string, anyCase: boolean): string | undefined {
  // hasOwn: a variable called "constructor" must not read Object.prototype.
  if (Object.hasOwn(vars, name)) return vars[name];
  if (!anyCase) return undefined;
  const key = folded(name);
  const match = Object.keys(vars).find((k) => folded(k) === key);
  return match === undefined ? undefined : vars[match];
}

/**
 * Renders a template in a single pass: values are inserted verbatim and never re-interpolated,
 * so a customer who types "{{ x }}" as their name cannot inject placeholders. `anyCase` is for a
 * contact's attributes, one per name whatever its letter case: {{cidade}} reads "Cidade".
 */
export function interpolate(template: string, vars: Vars, opts: { anyCase?: boolean } = {}): string {
  return parseTemplate(template)
    .map((segment) => {
      if (segment.kind === 'text') return segment.text;
      const value = valueOf(vars, segment.name, opts.anyCase ?? false);
      return value === undefined || value === '' ? (segment.fallback ?? '') : value;
    })
    .join('');
}
