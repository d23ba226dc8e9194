// An audit entry's details in the reader's words: whom or what it was about by name first ("João
// Pereira", "Site da Loja"), then what changed ("atendente → administrador", "Chat do site",
// "Português (Brasil)"). Ids and field names are not shown; a value of an unknown kind is, as stored.
import type { TFunction } from 'i18next';
import { languageName } from '../../templates/language-name';
import type { AuditEntry } from '../members/members-api';

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null);

export function auditDetails(e: AuditEntry, t: TFunction, locale: string): string {
  const { name, email, from, to, role, type, language, status, category, previousName, reason, version, ...rest } = e.data;
  const roleName = (r: unknown) => t(`settings.workspace.roles.${String(r)}` as never, { defaultValue: String(r) });
  const named = text(name);
  const parts = [
    e.targetName ?? named ?? text(email),
    e.targetName && named !== e.targetName ? named : null,
    text(previousName) && t('settings.audit.previousName', { name: text(previousName) }),
    text(from) && text(to) ? `${roleName(from)} → ${roleName(to)}` : text(role) && roleName(role),
    text(type) && t(`settings.channels.types.${String(type)}` as never, { defaultValue: String(type) }),
    text(language) && languageName(String(language), locale),
    text(status) && t(`templates.statuses.${String(status)}` as never, { defaultValue: String(status) }),
    text(category) && t(`templates.categories.${String(category)}` as never, { defaultValue: String(category) }),
    text(version) && t('settings.audit.version', { version: text(version) }),
    text(reason) && t(`settings.audit.reasons.${String(reason)}` as never, { defaultValue: '' }),
    ...Object.values(rest).map(text).filter((v) => v && !ID.test(v)),
  ];
  return parts.filter(Boolean).join(' · ');
}
