import { parseTemplate } from './parse-template';

/**
 * Renders a template in a single pass: values are inserted verbatim and never re-interpolated,
 * so a customer who types "{{ x }}" as their name cannot inject placeholders.
 */
export function interpolate(template: string, vars: Readonly<Record<string, string | undefined>>): string {
  return parseTemplate(template)
    .map((segment) => {
      if (segment.kind === 'text') return segment.text;
      // hasOwn: a variable called "constructor" must not read Object.prototype.
      const value = Object.hasOwn(vars, segment.name) ? vars[segment.name] : undefined;
      return value === undefined || value === '' ? (segment.fallback ?? '') : value;
    })
    .join('');
}
