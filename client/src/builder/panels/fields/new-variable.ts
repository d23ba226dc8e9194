import { BUILT_IN_VARIABLES, IDENTIFIER_PATTERN } from '@zyntra/flows-schema';

/** Typed text as a variable name: accents drop and spaces become underscores ("número do pedido" → "numero_do_pedido"). */
export const asVariableName = (text: string): string =>
  text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/\s+/g, '_');

/** The variable a picker's search would create, or null when it names one already there or is not a name. */
export function newVariableName(search: string, declared: readonly string[]): string | null {
  const name = asVariableName(search.trim());
  if (!IDENTIFIER_PATTERN.test(name)) return null;
  if (declared.includes(name) || (BUILT_IN_VARIABLES as readonly string[]).includes(name)) return null;
  // The contact's own ("contact.cidade" is its attribute): a flow variable may not take such a name.
  if (name.startsWith('contact.')) return null;
  return name;
}
