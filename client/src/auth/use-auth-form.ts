import { useState } from 'react';
import type { ChangeEvent, FormEvent } from 'react';
import { compact, feedbackFromError, useMessageText } from './form-errors';
import type { FieldMessages, Message } from './form-errors';

interface AuthFormOptions<F extends string> {
  initial: Record<F, string>;
  validate: (values: Record<F, string>) => FieldMessages<F>;
  /** Throws (ApiError or anything) to show errors; resolves after navigating away. */
  submit: (values: Record<F, string>) => Promise<void>;
}

/** Shared state machine of the account forms (sign-in, sign-up, reset, your account): values, inline errors, submitting. */
export function useAuthForm<F extends string>({ initial, validate, submit }: AuthFormOptions<F>) {
  const [values, setValues] = useState(initial);
  const [fieldErrors, setFieldErrors] = useState<FieldMessages<F>>({});
  const [formError, setFormError] = useState<Message | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const text = useMessageText();

  // `hint` is the field's description; an error in its place says the same thing more urgently,
  // so the two are never shown together ("At least 8 characters." over "Use at least 8 characters.").
  const field = (name: F, hint?: string) => ({
    name,
    value: values[name],
    error: text(fieldErrors[name]),
    description: fieldErrors[name] ? undefined : hint,
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      const value = e.currentTarget.value;
      setValues((v) => ({ ...v, [name]: value }));
      // Editing a field answers its error; keep the others until the next submit.
      setFieldErrors((errs) => ({ ...errs, [name]: undefined }));
    },
  });

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (submitting) return;
    setFormError(null);
    const clientErrors = compact(validate(values));
    setFieldErrors(clientErrors);
    if (Object.keys(clientErrors).length > 0) return;

    setSubmitting(true);
    try {
      await submit(values);
      // A form that stays (the account page's) takes the next submit; one that navigated away is gone.
      setSubmitting(false);
    } catch (err) {
      const feedback = feedbackFromError(err, Object.keys(initial) as F[]);
      setFieldErrors(feedback.fields);
      setFormError(feedback.form);
      setSubmitting(false);
    }
  };

  return {
    field,
    /** Back to the initial values, with no errors (after a password was changed, say). */
    reset: () => {
      setValues(initial);
      setFieldErrors({});
      setFormError(null);
    },
    submitting,
    formError: text(formError),
    onSubmit: (e: FormEvent<HTMLFormElement>) => void onSubmit(e),
  };
}
