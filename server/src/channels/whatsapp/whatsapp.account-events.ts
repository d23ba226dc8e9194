// Meta webhook changes about the account rather than a conversation: a user's marketing preference
// (`user_preferences`) and template review, quality and category changes (reference/
// whatsapp-templates.md §2). Pure and lenient like whatsapp.parse.ts: malformed entries are skipped.
import { cleanId, cleanText, isoFromUnix } from '../inbound-text';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const word = (v: unknown) => (typeof v === 'string' && /^[A-Z_]{1,40}$/.test(v) ? v : null);
const templateId = (v: unknown) => (typeof v === 'number' || typeof v === 'string' ? cleanId(String(v)) : null);

/** `wabaId`: the WhatsApp Business Account the template belongs to (the entry's id). */
export type TemplateRef = { templateId: string | null; name: string | null; language: string | null; wabaId: string | null };

export type AccountEvent =
  | { kind: 'marketing_preference'; phoneNumberId: string | null; waId: string; value: 'stop' | 'resume'; at: string }
  | ({ kind: 'template_status'; status: string; reason: string | null; category: string | null } & TemplateRef)
  | ({ kind: 'template_quality'; previous: string | null; score: string } & TemplateRef)
  | ({ kind: 'template_category'; previous: string | null; category: string } & TemplateRef);

const refOf = (v: Obj, wabaId: string | null): TemplateRef => ({
  wabaId,
  templateId: templateId(v.message_template_id),
  name: cleanText(v.message_template_name, 512),
  language: cleanText(v.message_template_language, 20),
});

type Parser = (value: Obj, now: Date, wabaId: string | null) => AccountEvent[];

const PARSERS: Record<string, Parser> = {
  user_preferences: (value, now) => {
    const phoneNumberId = cleanId(obj(value.metadata).phone_number_id);
    return arr(value.user_preferences).map(obj).flatMap((p): AccountEvent[] => {
      const waId = cleanId(p.wa_id);
      if (!waId || p.category !== 'marketing_messages' || (p.value !== 'stop' && p.value !== 'resume')) return [];
      return [{ kind: 'marketing_preference', phoneNumberId, waId, value: p.value, at: isoFromUnix(p.timestamp, now) }];
    });
  },
  message_template_status_update: (value, _now, waba) => {
    const status = word(value.event);
    if (!status) return [];
    return [{ kind: 'template_status', ...refOf(value, waba), status, reason: word(value.reason), category: word(value.message_template_category) }];
  },
  message_template_quality_update: (value, _now, waba) => {
    const score = word(value.new_quality_score);
    return score ? [{ kind: 'template_quality', ...refOf(value, waba), previous: word(value.previous_quality_score), score }] : [];
  },
  template_category_update: (value, _now, waba) => {
    const category = word(value.new_category) ?? word(value.correct_category);
    return category ? [{ kind: 'template_category', ...refOf(value, waba), previous: word(value.previous_category), category }] : [];
  },
};

export function parseWhatsAppAccountEvents(body: unknown, now = new Date()): AccountEvent[] {
  const out: AccountEvent[] = [];
  for (const entry of arr(obj(body).entry)) {
    const wabaId = cleanId(obj(entry).id);
    for (const change of arr(obj(entry).changes)) {
      const c = obj(change);
      const parser = typeof c.field === 'string' && Object.hasOwn(PARSERS, c.field) ? PARSERS[c.field] : undefined;
      if (parser) out.push(...parser(obj(c.value), now, wabaId));
    }
  }
  return out;
}
