// "Test connection": ask the provider whether the channel's settings work before it is shown as
// active — WhatsApp's phone-number info on the Graph API, Evolution's instance state. Evolution runs
// on the tenant's own server, so that call goes through the outbound HTTP module.
import type { Config } from '../config/env';
import type { Outbound } from '../net';
import type { ChannelRecord, ChannelType } from './channel-types';

/**
 * `detail` is the provider's own words (or the number WhatsApp confirmed); `reason` says what happened
 * in a code the client words in the user's language, `status` and `state` filling it in.
 */
export type ConnectionResult = {
  ok: boolean;
  detail: string;
  reason: 'connected' | 'hosted' | 'provider_refused' | 'unreachable' | 'instance_not_open';
  status?: number;
  state?: string;
  /** WhatsApp's messaging limit tier of the number (TIER_250…), when Graph says it. */
  messagingLimitTier?: string;
};
export type ConnectionCheck = (channel: Pick<ChannelRecord, 'type' | 'config' | 'secrets'>) => Promise<ConnectionResult>;

type Checker = (channel: Pick<ChannelRecord, 'config' | 'secrets'>) => Promise<ConnectionResult>;
type GraphConfig = Pick<Config, 'WHATSAPP_GRAPH_BASE_URL' | 'WHATSAPP_GRAPH_VERSION'>;

const TIMEOUT_MS = 10_000;
const TIER_PATTERN = /^TIER_[A-Z0-9]{1,16}$/;
const failed = (err: unknown): ConnectionResult => ({ ok: false, reason: 'unreachable', detail: `Could not reach the provider: ${(err as Error).message}`.slice(0, 300) });

function whatsappCheck(config: GraphConfig): Checker {
  return async ({ config: c, secrets }) => {
    const base = config.WHATSAPP_GRAPH_BASE_URL.replace(/\/+$/, '');
    const url = `${base}/${config.WHATSAPP_GRAPH_VERSION}/${encodeURIComponent(c.phoneNumberId ?? '')}?fields=verified_name,display_phone_number,quality_rating,whatsapp_business_manager_messaging_limit`;
    try {
      const res = await fetch(url, { headers: { authorization: `Bearer ${secrets.accessToken ?? ''}` }, signal: AbortSignal.timeout(TIMEOUT_MS) });
      const body = (await res.json().catch(() => ({}))) as { id?: string; display_phone_number?: string; verified_name?: string; whatsapp_business_manager_messaging_limit?: unknown; error?: { message?: string } };
      if (res.ok && body.id === c.phoneNumberId) {
        const tier = body.whatsapp_business_manager_messaging_limit;
        return {
          ok: true, reason: 'connected', detail: [body.display_phone_number, body.verified_name].filter(Boolean).join(' · '),
          ...(typeof tier === 'string' && TIER_PATTERN.test(tier) ? { messagingLimitTier: tier } : {}),
        };
      }
      return { ok: false, reason: 'provider_refused', status: res.status, detail: `WhatsApp answered ${res.status}: ${body.error?.message ?? 'unexpected answer'}`.slice(0, 300) };
    } catch (err) {
      return failed(err);
    }
  };
}

function evolutionCheck(outbound: Outbound): Checker {
  return async ({ config: c, secrets }) => {
    try {
      const res = await outbound({
        method: 'GET', url: `${(c.baseUrl ?? '').replace(/\/+$/, '')}/instance/connectionState/${encodeURIComponent(c.instance ?? '')}`,
        headers: { apikey: secrets.apiKey ?? '' }, timeoutMs: TIMEOUT_MS, maxResponseBytes: 64 * 1024,
      });
      const state = (res.json() as { instance?: { state?: string } } | undefined)?.instance?.state;
      if (res.ok && state === 'open') return { ok: true, reason: 'connected', detail: 'open' };
      if (res.ok) return { ok: false, reason: 'instance_not_open', state: state ?? 'unknown', detail: `The instance is ${state ?? 'in an unknown state'}, not connected to WhatsApp` };
      return { ok: false, reason: 'provider_refused', status: res.status, detail: `Evolution answered ${res.status}` };
    } catch (err) {
      return failed(err);
    }
  };
}

export function createConnectionCheck(config: GraphConfig, outbound: Outbound): ConnectionCheck {
  const checkers = {
    whatsapp_cloud: whatsappCheck(config),
    evolution: evolutionCheck(outbound),
    webchat: async () => ({ ok: true, reason: 'hosted', detail: 'Hosted by this server' }),
  } satisfies Record<ChannelType, Checker>;
  return (channel) => checkers[channel.type](channel);
}
