// The contact fields a template variable can be filled with, as the wizard's picker offers them: the
// contact's name (with a word for a contact who has none, so nobody is skipped for it), the phone, and
// each attribute the workspace's contacts hold ({{contact.bairro}}), as flows-schema's contactVars
// fills them at send. Pure.
import { extractVariables } from '@zyntra/flows-schema';

export type ContactField = { kind: 'name' } | { kind: 'phone' } | { kind: 'attribute'; key: string };

/** A default's text inside "…": quotes and backslashes escaped as the placeholder grammar reads them. */
const quoted = (s: string) => `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

/** The placeholder a field puts in a variable; `nameFallback` is what a contact without a name is called. */
export function placeholderOf(field: ContactField, nameFallback: string): string {
  if (field.kind === 'name') return nameFallback.trim() ? `{{contact.name | ${quoted(nameFallback.trim())}}}` : '{{contact.name}}';
  if (field.kind === 'phone') return '{{contact.phone}}';
  return `{{contact.${field.key}}}`;
}

/** Name and phone first, then the attributes a placeholder can name (an odd key would stay literal text). */
export function contactFields(attributeKeys: readonly string[]): ContactField[] {
  const attributes = attributeKeys.filter((key) => key !== 'name' && key !== 'phone' && extractVariables(`{{contact.${key}}}`).length === 1);
  return [{ kind: 'name' as const }, { kind: 'phone' as const }, ...attributes.map((key) => ({ kind: 'attribute' as const, key }))];
}
