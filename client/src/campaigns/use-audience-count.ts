// Whom an audience reaches, counted by the server as starting would freeze it: live in the wizard
// (asked again, debounced, as tags, filter or file change) and on a campaign not started yet.
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { campaignsApi, type AudienceCounts, type CreateCampaignBody } from './campaigns-api';

export type AudienceCount = { state: 'idle' } | { state: 'loading' } | { state: 'failed' } | { state: 'ready'; counts: AudienceCounts };

type Load = (key: string, signal: AbortSignal) => Promise<AudienceCounts>;

/** Counts for `key` (nothing asked while it is null), asked again whenever it changes. */
function useCounted(key: string | null, load: Load): AudienceCount {
  const [count, setCount] = useState<AudienceCount>({ state: 'idle' });
  useEffect(() => {
    if (!key) {
      setCount({ state: 'idle' });
      return;
    }
    const ctrl = new AbortController();
    setCount({ state: 'loading' });
    load(key, ctrl.signal).then(
      (counts) => setCount({ state: 'ready', counts }),
      () => !ctrl.signal.aborted && setCount({ state: 'failed' }),
    );
    return () => ctrl.abort();
  }, [key, load]);
  return count;
}

const loadPreview: Load = (key, signal) => {
  const [channelId, audience, template] = JSON.parse(key) as [string, CreateCampaignBody['audience'], CreateCampaignBody['template'] | null];
  return campaignsApi.previewAudience(channelId, audience, template ?? undefined, signal);
};
const loadCampaign: Load = (id, signal) => campaignsApi.audience(id, signal);

/**
 * The wizard's count; `null` audience (nothing chosen yet) asks nothing. With the template, whom it
 * would reach with an empty value is left out (the send skips them).
 */
export function useAudienceCount(channelId: string | null, audience: CreateCampaignBody['audience'] | null, template?: CreateCampaignBody['template']): AudienceCount {
  const key = channelId && audience ? JSON.stringify([channelId, audience, template ?? null]) : null;
  const [debounced] = useDebouncedValue(key, 300);
  const count = useCounted(debounced, loadPreview);
  // Until the debounce settles, what is shown is about the previous choice: say it is being counted.
  return key && key !== debounced ? { state: 'loading' } : count;
}

/** A saved campaign's count, while `enabled` (a draft or a scheduled one: its audience is not frozen yet). */
export const useCampaignAudience = (id: string, enabled: boolean): AudienceCount => useCounted(enabled ? id : null, loadCampaign);
