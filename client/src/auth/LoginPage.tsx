import { Alert, Anchor, PasswordInput } from '@mantine/core';
import { IconClockExclamation, IconDoorExit } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { authApi } from '../api/auth';
import { useAuthStore } from './auth-store';
import { homeFor } from './roles';
import { AuthFooterLink, AuthLayout } from './AuthLayout';
import { AuthForm, EmailField } from './AuthForm';
import { required, validEmail } from './form-errors';
import { useAuthForm } from './use-auth-form';
import { useEnterApp } from './use-enter-app';

export function LoginPage() {
  const { t } = useTranslation();
  const enterApp = useEnterApp();
  const sessionExpired = useAuthStore((s) => s.sessionExpired);
  const removedFrom = useAuthStore((s) => s.removedFrom);

  const form = useAuthForm({
    initial: { email: '', password: '' },
    validate: (v) => ({ email: validEmail(v.email), password: required(v.password) }),
    submit: async (v) => {
      const resp = await authApi.login({ email: v.email.trim(), password: v.password });
      await enterApp(resp, t('auth.login.success', { name: resp.user.name }), homeFor(resp.role));
    },
  });

  // Why the user is here again, unless the last try has an error to show.
  const notice =
    removedFrom !== null ? (
      <Alert color="yellow" icon={<IconDoorExit />} data-testid="removed-from-workspace">
        {removedFrom ? t('errors.removedFromWorkspace', { workspace: removedFrom }) : t('errors.removedFromAWorkspace')}
      </Alert>
    ) : (
      sessionExpired && (
        <Alert color="yellow" icon={<IconClockExclamation />}>
          {t('errors.sessionExpired')}
        </Alert>
      )
    );

  return (
    <AuthLayout
      title={t('auth.login.title')}
      subtitle={t('auth.login.subtitle')}
      footer={<AuthFooterLink question={t('auth.login.noAccount')} to="/signup" label={t('auth.login.toSignup')} />}
    >
      <AuthForm form={form} submitLabel={t('auth.login.submit')} submitTestId="login-submit" notice={notice}>
        <EmailField {...form.field('email')} autoFocus />
        <PasswordInput
          {...form.field('password')}
          label={t('auth.fields.password')}
          autoComplete="current-password"
          required
        />
        <Anchor component={Link} to="/reset-password" size="sm" ta="right" data-testid="forgot-password">
          {t('auth.reset.forgot')}
        </Anchor>
      </AuthForm>
    </AuthLayout>
  );
}
