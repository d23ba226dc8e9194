import { useTranslation } from 'react-i18next';
import { errorValues } from '../api/error-text';
import { ApiError, issueField } from '../api/errors';
import type en from '../i18n/en.json';
import { issueMessage, type ValidationKey } from './issue-message';

type ErrorKey = `errors.${keyof typeof en.errors}`;

/**
 * A form message kept as a translation key (not a translated string) so switching the
 * language re-translates errors already on screen. Server text is never shown as is.
 */
export type Message = { key: ErrorKey | ValidationKey; values?: Record<string, string | number> };
export type FieldMessages<F extends string> = Partial<Record<F, Message>>;

export interface FormFeedback<F extends string> {
  fields: FieldMessages<F>;
  form: Message | null;
}

// Top-level codes of the auth contract; anything else falls back to a generic message.
const codeMessages: Record<string, ErrorKey> = {
  invalid_credentials: 'errors.invalidCredentials',
  rate_limited: 'errors.rateLimited',
  network_error: 'errors.network',
  not_found: 'errors.linkInvalid',
  limit_reached: 'errors.limitReached',
};

/** Splits a failed submit into inline field errors and one form-level message. */
export function feedbackFromError<F extends string>(err: unknown, fields: readonly F[]): FormFeedback<F> {
  if (!(err instanceof ApiError)) return { fields: {}, form: { key: 'errors.unexpected' } };
  const isField = (name: string): name is F => (fields as readonly string[]).includes(name);

  if (err.code === 'email_taken' && isField('email')) {
    return { fields: { email: { key: 'errors.emailTaken' } } as FieldMessages<F>, form: null };
  }
  if (err.code === 'validation_failed') {
    const out: FieldMessages<F> = {};
    for (const issue of err.issues) {
      const name = issueField(issue);
      if (isField(name) && !out[name]) out[name] = issueMessage(issue);
    }
    // A mailed link's token cut short is nothing the user can fix in the form: the link is bad.
    if (!isField('token') && err.issues.some((i) => issueField(i) === 'token')) return { fields: out, form: { key: 'errors.linkInvalid' } };
    // Issues we can't pin to an input would otherwise vanish silently.
    const unmapped = err.issues.length === 0 || err.issues.some((i) => !isField(issueField(i)));
    return { fields: out, form: unmapped ? { key: 'errors.validationFailed' } : null };
  }
  const key = codeMessages[err.code] ?? 'errors.unexpected';
  return { fields: {}, form: err.code === 'limit_reached' ? { key, values: errorValues(err) } : { key } };
}

export const PASSWORD_MIN_LENGTH = 8;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const required = (value: string): Message | undefined =>
  value.trim() ? undefined : { key: 'validation.required' };

export const validEmail = (value: string): Message | undefined =>
  required(value) ?? (EMAIL_RE.test(value.trim()) ? undefined : { key: 'validation.email' });

export function compact<F extends string>(messages: FieldMessages<F>): FieldMessages<F> {
  return Object.fromEntries(Object.entries(messages).filter(([, m]) => m !== undefined)) as FieldMessages<F>;
}

/** Returns a function turning a Message into display text in the current language. */
export function useMessageText(): (m: Message | null | undefined) => string | undefined {
  const { t } = useTranslation();
  return (m) => {
    if (!m) return undefined;
    return t(m.key, m.values ?? {});
  };
}
