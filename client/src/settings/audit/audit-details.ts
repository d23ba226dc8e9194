// An audit entry's details in the reader's words: whom or what it was about by name first ("João
// Pereira", "Site da Loja"), then what changed ("atendente → administrador", "Chat do site",
// "Português (Brasil)"); an endpoint or the AI provider by its address. Ids and field names are not
// shown; a value of an unknown kind is, as stored.
import type { TFunction } from 'i18next';
import { languageName } from '../../templates/language-name';
import type { AuditEntry } from '../members/members-api';

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null);

/**
 * A webhook endpoint's or the AI provider's change: the fields changed, the address before, paused or
 * enabled, the model, and whether a key was set or removed (the entry never holds the key).
 */
function addressParts(d: Record<string, unknown>, t: TFunction): Array<string | null | false> {
  const fields = (Array.isArray(d.changed) ? d.changed : []).filter((f) => f !== 'active')
    .map((f) => t(`settings.audit.fields.${String(f)}` as never, { defaultValue: String(f) }));
  const before = text(d.previousUrl) ?? text(d.previousBaseUrl);
  return [
    fields.length > 0 && t('settings.audit.changed', { fields: fields.join(', ') }),
    before && t('settings.audit.previousName', { name: before }),
    typeof d.active === 'boolean' && t(d.active ? 'settings.audit.enabled' : 'settings.audit.paused'),
    text(d.model),
    // A key kept as it was, or none before or after, is no news.
    (d.apiKey === 'set' || d.apiKey === 'removed') && t(`settings.audit.apiKey.${d.apiKey}`),
  ];
}

export function auditDetails(e: AuditEntry, t: TFunction, locale: string): string {
  const {
    name, email, from, to, role, type, language, status, category, previousName, reason, version,
    url, baseUrl, changed, previousUrl, previousBaseUrl, active, model, apiKey, contacts, merged, ...rest
  } = e.data;
  const roleName = (r: unknown) => t(`settings.workspace.roles.${String(r)}` as never, { defaultValue: String(r) });
  const named = text(name);
  // The AI provider removed leaves the server's default in its place.
  const aiDefault = e.action === 'ai_settings.changed' && t('settings.audit.aiServerDefault');
  const parts = [
    e.targetName ?? named ?? text(email) ?? text(url) ?? text(baseUrl) ?? aiDefault,
    e.targetName && named !== e.targetName ? named : null,
    text(previousName) && t('settings.audit.previousName', { name: text(previousName) }),
    text(from) && text(to) ? `${roleName(from)} → ${roleName(to)}` : text(role) && roleName(role),
    text(type) && t(`settings.channels.types.${String(type)}` as never, { defaultValue: String(type) }),
    text(language) && languageName(String(language), locale),
    text(status) && t(`templates.statuses.${String(status)}` as never, { defaultValue: String(status) }),
    text(category) && t(`templates.categories.${String(category)}` as never, { defaultValue: String(category) }),
    text(version) && t('settings.audit.version', { version: text(version) }),
    text(reason) && t(`settings.audit.reasons.${String(reason)}` as never, { defaultValue: '' }),
    // A contact field renamed or deleted: on how many contacts, and how many already had the new name.
    typeof contacts === 'number' && t('settings.audit.contacts', { count: contacts }),
    typeof merged === 'number' && merged > 0 && t('settings.audit.merged', { count: merged }),
    ...addressParts({ changed, previousUrl, previousBaseUrl, active, model, apiKey }, t),
    ...Object.values(rest).map(text).filter((v) => v && !ID.test(v)),
  ];
  return parts.filter(Boolean).join(' · ');
}
