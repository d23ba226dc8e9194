import { Alert, Anchor, Code, PasswordInput, Text } from '@mantine/core';
import { IconMailCheck, IconMailOff } from '@tabler/icons-react';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { authApi } from '../api/auth';
import { AuthForm, EmailField } from './AuthForm';
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

/** What became of the request: mailed, or (a server with no email set up) who can make the link instead. */
function Requested({ sendsEmail }: { sendsEmail: boolean }) {
  const { t } = useTranslation();
  if (sendsEmail) return <Alert color="teal" icon={<IconMailCheck />} data-testid="reset-sent">{t('auth.reset.sent')}</Alert>;
  return (
    <Alert color="yellow" icon={<IconMailOff />} title={t('auth.reset.noEmailTitle')} data-testid="reset-no-email">
      <Trans i18nKey="auth.reset.noEmail" components={{ code: <Code /> }} />
    </Alert>
  );
}

function RequestLink() {
  const { t } = useTranslation();
  const [requested, setRequested] = useState<{ sendsEmail: boolean } | null>(null);
  const form = useAuthForm({
    initial: { email: '' },
    validate: (v) => ({ email: validEmail(v.email) }),
    submit: async (v) => setRequested(await authApi.requestPasswordReset(v.email.trim())),
  });
  return (
    <AuthLayout title={t('auth.reset.title')} subtitle={t('auth.reset.requestSubtitle')} footer={backToLogin(t('auth.reset.backToLogin'))}>
      {requested ? (
        <Requested sendsEmail={requested.sendsEmail !== false} />
      ) : (
        <AuthForm form={form} submitLabel={t('auth.reset.send')} submitTestId="reset-request">
          <EmailField {...form.field('email')} autoFocus />
        </AuthForm>
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
        <AuthForm form={form} submitLabel={t('auth.reset.save')} submitTestId="reset-confirm">
          <PasswordInput {...form.field('password', t('auth.fields.passwordHint', { min: PASSWORD_MIN_LENGTH }))} label={t('auth.reset.newPassword')} autoComplete="new-password" autoFocus required />
        </AuthForm>
      )}
    </AuthLayout>
  );
}
