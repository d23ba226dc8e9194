// What Meta tells us about the number itself rather than a message: errors on the webhook value
// (e.g. 130429 rate limit hit), account updates (restrictions, bans) and quality or limit changes.
// Each becomes a notice logged with the channel and shown as its health line. Pure.
import { cleanId, cleanText } from '../inbound-text';
import { arr, obj } from './whatsapp.content';

/** `tier`: the number's messaging limit (TIER_250…) when a quality update names it. */
export type ChannelNotice = { kind: 'error' | 'account' | 'quality' | 'alert'; code: string | null; message: string; severity: 'info' | 'warning' | 'critical'; tier?: string };

type Obj = Record<string, unknown>;
const text = (v: unknown) => cleanText(v, 512);

const errorsOf = (value: Obj): ChannelNotice[] =>
  arr(value.errors).slice(0, 10).map(obj).map((e) => ({
    kind: 'error' as const,
    code: cleanId(e.code, 32),
    message: text(obj(e.error_data).details) ?? text(e.message) ?? text(e.title) ?? 'WhatsApp reported an error',
    severity: 'warning' as const,
  }));

/** Account events that stop or limit sending are critical; the rest are news. */
const CRITICAL_ACCOUNT = /DISABLED|BAN|RESTRICT|VIOLATION|FLAGGED|DOWNGRADE/;

function accountOf(value: Obj): ChannelNotice[] {
  const event = cleanId(value.event, 64) ?? 'ACCOUNT_UPDATE';
  const detail = text(obj(value.violation_info).violation_type) ?? text(obj(value.ban_info).waba_ban_state) ?? text(obj(arr(value.restriction_info)[0] ?? value.restriction_info).restriction_type);
  return [{ kind: 'account', code: event, message: detail ? `${event}: ${detail}` : event, severity: CRITICAL_ACCOUNT.test(event) ? 'critical' : 'info' }];
}

function qualityOf(value: Obj): ChannelNotice[] {
  const event = cleanId(value.event, 64) ?? 'QUALITY_UPDATE';
  const limit = cleanId(value.current_limit, 64) ?? cleanId(value.messaging_limit_tier, 64);
  const tier = limit && /^TIER_[A-Z0-9]{1,12}$/.test(limit) ? { tier: limit } : {};
  return [{ kind: 'quality', code: event, message: limit ? `${event} (${limit})` : event, severity: CRITICAL_ACCOUNT.test(event) ? 'warning' : 'info', ...tier }];
}

function alertOf(value: Obj): ChannelNotice[] {
  const info = obj(value.alert_info);
  const severity = info.alert_severity === 'CRITICAL' ? 'critical' : info.alert_severity === 'WARNING' ? 'warning' : 'info';
  return [{ kind: 'alert', code: cleanId(info.alert_type, 64), message: text(info.alert_description) ?? text(info.alert_type) ?? 'Account alert', severity }];
}

export function noticesOf(field: string, value: Obj): ChannelNotice[] {
  if (field === 'account_update') return accountOf(value);
  if (field === 'phone_number_quality_update') return qualityOf(value);
  if (field === 'account_alerts') return alertOf(value);
  return errorsOf(value);
}
