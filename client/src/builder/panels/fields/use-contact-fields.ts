// The workspace's contact attributes as a flow reads them ("contact.cidade"), for the variable picker
// and a condition's operands: one read shared by every field of the open side panel.
import { contactAttributeOf } from '@zyntra/flows-schema';
import { useEffect, useState } from 'react';
import { contactsApi } from '../../../contacts/contacts-api';

let read: Promise<string[]> | null = null;
let users = 0;

/** Attributes the contacts hold, most used first; contact.name, .phone and .tags are not among them. */
const fieldsOf = (keys: Array<{ key: string }>) =>
  keys.map(({ key }) => `contact.${key}`).filter((field) => contactAttributeOf(field) !== null);

/** The `contact.<attribute>` names, most used first; none while they are read or when the read fails. */
export function useContactFields(): string[] {
  const [fields, setFields] = useState<string[]>([]);
  useEffect(() => {
    users += 1;
    // Read again each time the panel opens: an import since may have brought new columns.
    read ??= contactsApi.attributes().then((r) => fieldsOf(r.items), () => []);
    let mounted = true;
    void read.then((found) => mounted && setFields(found));
    return () => {
      mounted = false;
      users -= 1;
      if (users === 0) read = null;
    };
  }, []);
  return fields;
}
