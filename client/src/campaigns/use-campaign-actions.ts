// Start, pause, resume and cancel from the campaign page: one request at a time (the button is busy
// meanwhile, a second click is ignored), and a refusal because the campaign is already where it was
// asked to go (a double click, another tab) is read again and not shown as an error.
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../flows-list/notify';
import { type CampaignAction, isConflict, reached } from './campaign-actions';
import { campaignsApi } from './campaigns-api';

export function useCampaignActions(id: string, reload: () => Promise<unknown>) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<CampaignAction | null>(null);
  const inFlight = useRef(false);
  const act = useCallback(async (action: CampaignAction) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(action);
    try {
      await campaignsApi.act(id, action).catch(async (err: unknown) => {
        if (!isConflict(err) || !reached(action, (await campaignsApi.get(id)).status)) throw err;
      });
    } catch (err) {
      notifyError(t, err, { conflict: 'campaigns.changedMeanwhile' });
    } finally {
      await reload();
      inFlight.current = false;
      setBusy(null);
    }
  }, [id, reload, t]);
  return { busy, act };
}
