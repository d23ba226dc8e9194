import { useEffect, useState } from 'react';
import { contactsApi } from './contacts-api';

/**
 * The workspace's tags, most used first, read while `enabled` (suggestions where tags are typed) and
 * again when `version` changes (tags an import added meanwhile); none when the read fails.
 */
export function useTags(enabled = true, version = 0): string[] {
  const [tags, setTags] = useState<string[]>([]);
  useEffect(() => {
    if (!enabled) return;
    const abort = new AbortController();
    contactsApi.tags(abort.signal).then((r) => setTags(r.items.map((i) => i.tag)), () => undefined);
    return () => abort.abort();
  }, [enabled, version]);
  return tags;
}
