// Template management on the Graph API (reference/whatsapp-templates.md §1): list every template of
// the channel's WhatsApp Business Account, submit a new one for review, edit one, delete one. HTTP only here.
import type { Config } from '../../config/env';
import type { ChannelRecord } from '../channel-types';

export type MetaTemplate = {
  id: string; name: string; language: string; category: string; status: string; components: unknown[];
  quality_score?: { score?: string }; parameter_format?: string; rejected_reason?: string;
};

export class TemplateApiError extends Error {
  constructor(readonly httpStatus: number, readonly code: number | null, readonly subcode: number | null, message: string) {
    super(message);
    this.name = 'TemplateApiError';
  }
}

type GraphBody = {
  error?: { code?: unknown; error_subcode?: unknown; error_user_msg?: unknown; message?: unknown; error_data?: { details?: unknown } };
  data?: unknown; paging?: { next?: string; cursors?: { after?: string } }; id?: unknown; status?: unknown; category?: unknown; success?: unknown;
};

const MAX_PAGES = 100;
const FIELDS = 'id,name,status,category,language,components,quality_score,parameter_format,rejected_reason';

export function createTemplatesClient(config: Pick<Config, 'WHATSAPP_GRAPH_BASE_URL' | 'WHATSAPP_GRAPH_VERSION'>) {
  const base = `${config.WHATSAPP_GRAPH_BASE_URL.replace(/\/$/, '')}/${config.WHATSAPP_GRAPH_VERSION}`;
  const call = async (channel: ChannelRecord, url: string, init: RequestInit = {}) => {
    let res: Response;
    try {
      res = await fetch(url, {
        ...init,
        headers: { authorization: `Bearer ${channel.secrets.accessToken}`, 'content-type': 'application/json' },
        signal: AbortSignal.timeout(15_000),
      });
    } catch (err) {
      throw new TemplateApiError(0, null, null, `WhatsApp unreachable: ${(err as Error).message}`);
    }
    const body = (await res.json().catch(() => ({}))) as GraphBody;
    if (!res.ok) {
      const e = body.error ?? {};
      throw new TemplateApiError(res.status, typeof e.code === 'number' ? e.code : null, typeof e.error_subcode === 'number' ? e.error_subcode : null,
        String(e.error_user_msg ?? e.error_data?.details ?? e.message ?? `HTTP ${res.status}`).slice(0, 500));
    }
    return body;
  };
  const waba = (channel: ChannelRecord) => encodeURIComponent(channel.config.businessAccountId ?? '');
  return {
    async list(channel: ChannelRecord): Promise<MetaTemplate[]> {
      const out: MetaTemplate[] = [];
      let url: string | null = `${base}/${waba(channel)}/message_templates?fields=${FIELDS}&limit=100`;
      for (let page = 0; url && page < MAX_PAGES; page++) {
        const body = await call(channel, url);
        out.push(...(Array.isArray(body.data) ? (body.data as MetaTemplate[]) : []));
        const after = body.paging?.cursors?.after;
        url = body.paging?.next && after ? `${base}/${waba(channel)}/message_templates?fields=${FIELDS}&limit=100&after=${encodeURIComponent(after)}` : null;
      }
      return out;
    },
    async create(channel: ChannelRecord, template: { name: string; language: string; category: string; components: unknown[] }) {
      const body = await call(channel, `${base}/${waba(channel)}/message_templates`, { method: 'POST', body: JSON.stringify({ ...template, parameter_format: 'positional' }) });
      return { id: String(body.id ?? ''), status: String(body.status ?? 'PENDING'), category: String(body.category ?? template.category) };
    },
    /**
     * `POST /{TEMPLATE_ID}` with the new components (they replace all) and, when given, the category.
     * Meta answers `{"success": true}` as for a deletion (its reply is not in the reference): anything
     * else is not an edit to act on.
     */
    async edit(channel: ChannelRecord, providerId: string, edit: { components: unknown[]; category?: string }): Promise<void> {
      const body = await call(channel, `${base}/${encodeURIComponent(providerId)}`, { method: 'POST', body: JSON.stringify(edit) });
      if (body.success !== true) throw new TemplateApiError(200, null, null, 'WhatsApp did not confirm the edit');
    },
    /** One language of a template: `hsm_id` with `name` (`name` alone would delete every language). */
    async remove(channel: ChannelRecord, template: { providerId: string; name: string }): Promise<void> {
      const query = new URLSearchParams({ hsm_id: template.providerId, name: template.name });
      const body = await call(channel, `${base}/${waba(channel)}/message_templates?${query}`, { method: 'DELETE' });
      // Anything but Meta's `{"success": true}` leaves the template there: not a deletion to act on.
      if (body.success !== true) throw new TemplateApiError(200, null, null, 'WhatsApp did not confirm the deletion');
    },
  };
}
export type TemplatesClient = ReturnType<typeof createTemplatesClient>;
