import { useEffect, useState } from 'react';
import { peopleApi } from '../api/people-api';
import type { CannedResponse } from '../api/inbox-types';

let cache: CannedResponse[] | null = null;

/** The workspace's canned responses, read once per page load (Settings edits refresh the cache). */
export function useCannedResponses(): CannedResponse[] {
  const [items, setItems] = useState<CannedResponse[]>(cache ?? []);
  useEffect(() => {
    if (cache) return;
    peopleApi.canned().then((list) => {
      cache = list;
      setItems(list);
    }, () => undefined);
  }, []);
  return items;
}

export const forgetCannedResponses = () => void (cache = null);
