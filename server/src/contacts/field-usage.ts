// Which contact fields a flow document uses, so a marketer renaming or deleting a field sees the
// flows to edit: {{contact.cidade}} in any text, a condition testing "contact.cidade", an Actions
// step setting the attribute "cidade" (which would bring the old name back). Every string of the
// document is read, whatever node holds it, so a new node type needs no change here. Pure.
import { attributeNameKey, contactAttributeOf, isAttributeName, parseTemplate } from '@zyntra/flows-schema';

/** The fields a text names: each `{{contact.<name>}}`, or the whole text when it is `contact.<name>`. */
function fieldsInText(text: string, out: Set<string>) {
  for (const s of parseTemplate(text)) {
    const name = s.kind === 'variable' ? contactAttributeOf(s.name) : null;
    if (name) out.add(attributeNameKey(name));
  }
  const whole = contactAttributeOf(text.trim());
  if (whole) out.add(attributeNameKey(whole));
}

function walk(value: unknown, out: Set<string>) {
  if (typeof value === 'string') fieldsInText(value, out);
  else if (Array.isArray(value)) for (const v of value) walk(v, out);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (o.kind === 'set_attribute' && typeof o.name === 'string' && isAttributeName(o.name.trim())) out.add(attributeNameKey(o.name.trim()));
    for (const v of Object.values(o)) walk(v, out);
  }
}

/** The fields (their attributeNameKey: "Cidade" and "cidade" are one) the documents read or set. */
export function fieldsUsedBy(...documents: unknown[]): Set<string> {
  const out = new Set<string>();
  for (const d of documents) walk(d, out);
  return out;
}
