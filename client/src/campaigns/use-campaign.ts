// One campaign, refreshed every second while it runs (the live progress view) and every few
// seconds once it is done (deliveries, reads and replies keep coming in), and its recipients.
import { useCallback, useEffect, useState } from 'react';
import { isMissingRecord } from '../api/errors';
import { type Campaign, campaignsApi, type Recipient, type RecipientStatus } from './campaigns-api';

const LIVE = new Set(['running', 'scheduled']);

/** `missing`: no such campaign here (isMissingRecord). */
export type CampaignLoadError = 'missing' | 'failed';

export function useCampaign(id: string) {
  const [campaign, setCampaign] = useState<Campaign | null>(null);
  const [error, setError] = useState<CampaignLoadError | null>(null);
  const reload = useCallback(() => campaignsApi.get(id).then(
    (c) => {
      setCampaign(c);
      setError(null);
    },
    (err: unknown) => setError(isMissingRecord(err) ? 'missing' : 'failed'),
  ), [id]);
  useEffect(() => {
    void reload();
  }, [reload]);
  const every = !campaign || campaign.status === 'draft' ? null : LIVE.has(campaign.status) ? 1_000 : 5_000;
  useEffect(() => {
    if (!every) return;
    const timer = setInterval(() => void reload(), every);
    return () => clearInterval(timer);
  }, [every, reload]);
  return { campaign, error, reload };
}

export function useRecipients(id: string, status: RecipientStatus | null, tick: unknown) {
  const [pages, setPages] = useState<{ items: Recipient[]; next: string | null }>({ items: [], next: null });
  useEffect(() => {
    const ctrl = new AbortController();
    campaignsApi.recipients(id, { status: status ?? undefined }, ctrl.signal).then((r) => setPages({ items: r.items, next: r.nextCursor }), () => {});
    return () => ctrl.abort();
  }, [id, status, tick]);
  const more = async () => {
    if (!pages.next) return;
    const r = await campaignsApi.recipients(id, { status: status ?? undefined, cursor: pages.next });
    setPages((p) => ({ items: [...p.items, ...r.items], next: r.nextCursor }));
  };
  return { ...pages, more };
}
