// A failed send's reason in plain words. The server stores "<code>: <provider text>"; known codes
// get a sentence in the UI language, others fall back to the server's English text.
import type { TFunction } from 'i18next';
import type { MessageItem } from '../api/inbox-types';

export const KNOWN_FAILURES = [
  '131047', '131026', '131051', '131053', '130429', '131056', '131048', '131031', '190', '131009', '100', '131049', '131050', '368', 'network', 'window_closed',
  '131000', '2', '10', '200', '130472', '131052', '131062', '131008', '132000', '132001', '132015', '132016', 'channel_gone', 'unsupported_channel',
  'media_forbidden', 'media_missing',
] as const;
type KnownFailure = (typeof KNOWN_FAILURES)[number];

const isKnown = (code: string): code is KnownFailure => (KNOWN_FAILURES as readonly string[]).includes(code);

export function failureCode(error: string | null | undefined): string | null {
  if (!error) return null;
  const code = error.split(':')[0]!.trim();
  return code || null;
}

export function failureReason(t: TFunction, m: Pick<MessageItem, 'error' | 'errorText'>): string {
  const code = failureCode(m.error);
  if (code && isKnown(code)) return t(`inbox.failures.${code}`);
  const detail = m.errorText ?? m.error?.split(': ').slice(1).join(': ').trim();
  return detail ? t('inbox.failures.other', { detail }) : t('inbox.failures.unknown');
}
