// How long a campaign waits on its sends, all derived from the provider call's deadline, so a slow
// provider can never outlast a lease: a recipient is claimed again only once its send is over and
// the status that echoes our message id had as long again to arrive.
import { PROVIDER_TIMEOUT_MS } from '../channels/channel-adapter';

export type CampaignTiming = {
  /** A send ends, on our side, this long after its recipient was claimed (the adapter's own timeout). */
  providerTimeoutMs: number;
  /** The campaign lock's time to live: how soon a dead runner's campaign is taken over. Renewed while the runner lives. */
  lockMs: number;
  /** A recipient WhatsApp refused for the pair rate (131056) waits 4^attempts of this before the next try. */
  pairBackoffUnitMs: number;
};

export const CAMPAIGN_TIMING: CampaignTiming = { providerTimeoutMs: PROVIDER_TIMEOUT_MS, lockMs: 10_000, pairBackoffUnitMs: 1_000 };

/**
 * How long the status echo of a send that ended without an answer (cut off, connection lost) is
 * waited for before the recipient may be sent again: as long as the call itself was allowed.
 */
export const echoWaitMs = (t: CampaignTiming) => t.providerTimeoutMs;

/** A claimed recipient's lease: the call's deadline, then the wait for its echo. */
export const recipientLeaseMs = (t: CampaignTiming) => t.providerTimeoutMs + echoWaitMs(t);
