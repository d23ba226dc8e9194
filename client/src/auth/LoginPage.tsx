import { Alert, Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconClockExclamation, IconDoorExit } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { authApi } from '../api/auth';
import { useAuthStore } from './auth-store';
import { homeFor } from './roles';
import { AuthLayout } from './AuthLayout';
import { required, validEmail } from './form-errors';
import { useAuthForm } from './use-auth-form';

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const signIn = useAuthStore((s) => s.signIn);
  const sessionExpired = useAuthStore((s) => s.sessionExpired);
  const removedFrom = useAuthStore((s) => s.removedFrom);

  const form = useAuthForm({
    initial: { email: '', password: '' },
    validate: (v) => ({ email: validEmail(v.email), password: required(v.password) }),
    submit: async (v) => {
      const resp = await authApi.login({ email: v.email.trim(), password: v.password });
      signIn(resp);
      notifications.show({ color: 'teal', message: t('auth.login.success', { name: resp.user.name }) });
      await navigate(homeFor(resp.role), { replace: true });
    },
  });

  return (
    <AuthLayout
      title={t('auth.login.title')}
      subtitle={t('auth.login.subtitle')}
      footer={
        <>
          {t('auth.login.noAccount')}{' '}
          <Anchor component={Link} to="/signup" fw={600}>
            {t('auth.login.toSignup')}
          </Anchor>
        </>
      }
    >
      <form onSubmit={form.onSubmit} noValidate>
        <Stack gap="md">
          {form.formError ? (
            <Alert color="red" icon={<IconAlertCircle />} data-testid="form-error">
              {form.formError}
            </Alert>
          ) : removedFrom !== null ? (
            <Alert color="yellow" icon={<IconDoorExit />} data-testid="removed-from-workspace">
              {removedFrom ? t('errors.removedFromWorkspace', { workspace: removedFrom }) : t('errors.removedFromAWorkspace')}
            </Alert>
          ) : (
            sessionExpired && (
              <Alert color="yellow" icon={<IconClockExclamation />}>
                {t('errors.sessionExpired')}
              </Alert>
            )
          )}
          <TextInput
            {...form.field('email')}
            type="email"
            label={t('auth.fields.email')}
            placeholder={t('auth.fields.emailPlaceholder')}
            autoComplete="email"
            autoFocus
            required
          />
          <PasswordInput
            {...form.field('password')}
            label={t('auth.fields.password')}
            autoComplete="current-password"
            required
          />
          <Anchor component={Link} to="/reset-password" size="sm" ta="right" data-testid="forgot-password">
            {t('auth.reset.forgot')}
          </Anchor>
          <Button type="submit" fullWidth loading={form.submitting} data-testid="login-submit">
            {t('auth.login.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
