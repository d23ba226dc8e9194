// The contact fields page's rows: each field once whatever the letter case of the keys contacts
// hold, under the workspace's recorded spelling, with how many contacts have a value and the flows
// using it. A recorded name no contact holds (all values deleted by hand) is listed with 0, so it
// can be renamed or deleted too. Pure.
import { attributeNameKey } from '@zyntra/flows-schema';

export type FieldUse = { flow: { id: string; name: string }; fields: ReadonlySet<string> };
export type Field = { key: string; contacts: number; flows: Array<{ id: string; name: string }> };

export function fieldList(counts: Array<{ key: string; contacts: number }>, recorded: string[], uses: FieldUse[]): Field[] {
  const byKey = new Map<string, { key: string; contacts: number }>();
  for (const name of recorded) byKey.set(attributeNameKey(name), { key: name, contacts: 0 });
  for (const c of counts) {
    const field = byKey.get(attributeNameKey(c.key));
    if (field) field.contacts += c.contacts;
    else byKey.set(attributeNameKey(c.key), { ...c });
  }
  return [...byKey.entries()]
    .map(([folded, f]) => ({ ...f, flows: uses.filter((u) => u.fields.has(folded)).map((u) => u.flow) }))
    .sort((a, b) => b.contacts - a.contacts || a.key.localeCompare(b.key));
}
