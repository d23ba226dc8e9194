// The contact as a flow step reads it, from its row: name, phone, tags and its attributes as text
// ({{contact.cidade}}, a condition on contact.plano). Values the API stored as numbers or booleans
// read as they print; an attribute without a value is unset.
import type { StepContact } from '../engine/context';
import type { ContactRow } from './conversation.queries';

function attributeText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export function stepContact(row: Pick<ContactRow, 'name' | 'phone' | 'tags' | 'attributes'>): StepContact {
  const attributes = Object.entries(row.attributes ?? {}).flatMap(([name, value]) => {
    const text = attributeText(value);
    return text === null ? [] : [[name, text] as const];
  });
  return { name: row.name, phone: row.phone, tags: row.tags, attributes: Object.fromEntries(attributes) };
}
