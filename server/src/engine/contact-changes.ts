// What a step changed on the contact (an Actions step's tags and attributes), applied to the run's
// copy of it so the steps after it in the same run read the new values. The runner writes the same
// changes to the database, where the next event reads them.
import { attributeNameKey } from '@zyntra/flows-schema';
import type { Action } from './actions';
import type { StepContact } from './context';

/** The run's own copy, so changing it never touches the caller's context. */
export const copyContact = (c: StepContact): StepContact => ({ ...c, tags: [...c.tags], attributes: { ...c.attributes } });

/** An attribute set under another letter case replaces the contact's spelling of it, as the database does. */
function setAttribute(attributes: Record<string, string>, key: string, value: string): void {
  const held = Object.keys(attributes).find((name) => attributeNameKey(name) === attributeNameKey(key));
  if (held !== undefined) delete attributes[held];
  Object.defineProperty(attributes, held ?? key, { value, enumerable: true, writable: true, configurable: true });
}

export function applyToContact(contact: StepContact, action: Action): void {
  if (action.type === 'set_attribute') setAttribute(contact.attributes as Record<string, string>, action.key, action.value);
  else if (action.type === 'add_tags') contact.tags = [...new Set([...contact.tags, ...action.tags])];
  else if (action.type === 'remove_tags') contact.tags = contact.tags.filter((tag) => !action.tags.includes(tag));
}
