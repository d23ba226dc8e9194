import { useEffect, useState } from 'react';
import { contactsApi } from './contacts-api';

/** The workspace's contact attribute names, most used first, read while `enabled`; none when the read fails. */
export function useAttributeKeys(enabled: boolean): string[] {
  const [keys, setKeys] = useState<string[]>([]);
  useEffect(() => {
    if (!enabled) return;
    const abort = new AbortController();
    contactsApi.attributes(abort.signal).then((r) => setKeys(r.items.map((i) => i.key)), () => undefined);
    return () => abort.abort();
  }, [enabled]);
  return keys;
}
