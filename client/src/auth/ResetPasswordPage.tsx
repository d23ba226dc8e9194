import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle, IconMailCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { authApi } from '../api/auth';
import { AuthLayout } from './AuthLayout';
import { PASSWORD_MIN_LENGTH, required, validEmail } from './form-errors';
import { useAuthForm } from './use-auth-form';

const backToLogin = (label: string) => (
  <Anchor component={Link} to="/login" fw={600}>{label}</Anchor>
);

/** Without a token: ask for the link by email. With the mailed link's token: choose a new password. */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  return token ? <ChooseNewPassword token={token} /> : <RequestLink />;
}

function RequestLink() {
  const { t } = useTranslation();
  const [sent, setSent] = useState(false);
  const form = useAuthForm({
    initial: { email: '' },
    validate: (v) => ({ email: validEmail(v.email) }),
    submit: async (v) => {
      await authApi.requestPasswordReset(v.email.trim());
      setSent(true);
    },
  });
  return (
    <AuthLayout title={t('auth.reset.title')} subtitle={t('auth.reset.requestSubtitle')} footer={backToLogin(t('auth.reset.backToLogin'))}>
      {sent ? (
        <Alert color="teal" icon={<IconMailCheck />} data-testid="reset-sent">{t('auth.reset.sent')}</Alert>
      ) : (
        <form onSubmit={form.onSubmit} noValidate>
          <Stack gap="md">
            {form.formError && <Alert color="red" icon={<IconAlertCircle />}>{form.formError}</Alert>}
            <TextInput {...form.field('email')} type="email" label={t('auth.fields.email')} autoComplete="email" autoFocus required />
            <Button type="submit" fullWidth loading={form.submitting} data-testid="reset-request">{t('auth.reset.send')}</Button>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}

function ChooseNewPassword({ token }: { token: string }) {
  const { t } = useTranslation();
  const [done, setDone] = useState(false);
  const form = useAuthForm({
    initial: { password: '' },
    validate: (v) => ({
      password: required(v.password) ?? (v.password.length < PASSWORD_MIN_LENGTH ? { key: 'validation.passwordTooShort', values: { min: PASSWORD_MIN_LENGTH } } : undefined),
    }),
    submit: async (v) => {
      await authApi.confirmPasswordReset(token, v.password);
      setDone(true);
    },
  });
  return (
    <AuthLayout title={t('auth.reset.title')} subtitle={t('auth.reset.chooseSubtitle')} footer={backToLogin(t('auth.reset.backToLogin'))}>
      {done ? (
        <Text data-testid="reset-done">{t('auth.reset.done')}</Text>
      ) : (
        <form onSubmit={form.onSubmit} noValidate>
          <Stack gap="md">
            {form.formError && <Alert color="red" icon={<IconAlertCircle />} data-testid="form-error">{form.formError}</Alert>}
            <PasswordInput {...form.field('password', t('auth.fields.passwordHint', { min: PASSWORD_MIN_LENGTH }))} label={t('auth.reset.newPassword')} autoComplete="new-password" autoFocus required />
            <Button type="submit" fullWidth loading={form.submitting} data-testid="reset-confirm">{t('auth.reset.save')}</Button>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
