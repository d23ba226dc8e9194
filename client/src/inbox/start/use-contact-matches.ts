// The channel's contacts whose name or phone matches what the agent types in "New conversation"
// (agents rarely know a customer's number by heart): read a moment after typing stops, at most five.
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { contactsApi, type Contact } from '../../contacts/contacts-api';

export function useContactMatches(channelId: string | null, text: string): Contact[] {
  const [typed] = useDebouncedValue(text.trim(), 250);
  const [items, setItems] = useState<Contact[]>([]);
  useEffect(() => {
    if (!channelId || typed.length < 2) return setItems([]);
    const abort = new AbortController();
    contactsApi.search(typed, channelId, abort.signal).then(setItems, () => !abort.signal.aborted && setItems([]));
    return () => abort.abort();
  }, [channelId, typed]);
  return items;
}
