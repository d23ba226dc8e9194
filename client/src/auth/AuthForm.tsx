import { Alert, Button, Stack, TextInput, type TextInputProps } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface AuthFormProps {
  form: { onSubmit: (e: FormEvent<HTMLFormElement>) => void; formError: string | undefined; submitting: boolean };
  submitLabel: string;
  submitTestId: string;
  /** Shown above the fields while the last try left no error (why the user was signed out, say). */
  notice?: ReactNode;
  children: ReactNode;
}

/** The form of the sign-in, sign-up and invitation pages: what went wrong on the last try, the fields, then the full-width submit. */
export function AuthForm({ form, submitLabel, submitTestId, notice, children }: AuthFormProps) {
  return (
    <form onSubmit={form.onSubmit} noValidate>
      <Stack gap="md">
        {form.formError ? (
          <Alert color="red" icon={<IconAlertCircle />} data-testid="form-error">
            {form.formError}
          </Alert>
        ) : (
          notice
        )}
        {children}
        <Button type="submit" fullWidth loading={form.submitting} data-testid={submitTestId}>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}

/** The email field of the sign-in and sign-up forms (`form.field('email')` gives its value and error). */
export function EmailField(props: TextInputProps) {
  const { t } = useTranslation();
  return (
    <TextInput
      type="email"
      label={t('auth.fields.email')}
      placeholder={t('auth.fields.emailPlaceholder')}
      autoComplete="email"
      required
      {...props}
    />
  );
}
