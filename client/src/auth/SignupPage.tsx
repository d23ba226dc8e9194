import { Alert, Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { authApi } from '../api/auth';
import { useAuthStore } from './auth-store';
import { AuthLayout } from './AuthLayout';
import { PASSWORD_MIN_LENGTH, required, validEmail } from './form-errors';
import { useAuthForm } from './use-auth-form';

export function SignupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const signIn = useAuthStore((s) => s.signIn);

  const form = useAuthForm({
    initial: { workspaceName: '', name: '', email: '', password: '' },
    validate: (v) => ({
      workspaceName: required(v.workspaceName),
      name: required(v.name),
      email: validEmail(v.email),
      password:
        required(v.password) ??
        (v.password.length < PASSWORD_MIN_LENGTH
          ? { key: 'validation.passwordTooShort', values: { min: PASSWORD_MIN_LENGTH } }
          : undefined),
    }),
    submit: async (v) => {
      const resp = await authApi.signup({
        workspaceName: v.workspaceName.trim(),
        name: v.name.trim(),
        email: v.email.trim(),
        password: v.password,
      });
      signIn(resp);
      notifications.show({
        color: 'teal',
        message: t('auth.signup.success', { workspace: resp.workspace.name }),
      });
      await navigate('/flows', { replace: true });
    },
  });

  return (
    <AuthLayout
      title={t('auth.signup.title')}
      subtitle={t('auth.signup.subtitle')}
      footer={
        <>
          {t('auth.signup.haveAccount')}{' '}
          <Anchor component={Link} to="/login" fw={600}>
            {t('auth.signup.toLogin')}
          </Anchor>
        </>
      }
    >
      <form onSubmit={form.onSubmit} noValidate>
        <Stack gap="md">
          {form.formError && (
            <Alert color="red" icon={<IconAlertCircle />} data-testid="form-error">
              {form.formError}
            </Alert>
          )}
          <TextInput
            {...form.field('workspaceName')}
            label={t('auth.fields.workspaceName')}
            placeholder={t('auth.fields.workspaceNamePlaceholder')}
            autoComplete="organization"
            autoFocus
            required
          />
          <TextInput
            {...form.field('name')}
            label={t('auth.fields.name')}
            placeholder={t('auth.fields.namePlaceholder')}
            autoComplete="name"
            required
          />
          <TextInput
            {...form.field('email')}
            type="email"
            label={t('auth.fields.email')}
            placeholder={t('auth.fields.emailPlaceholder')}
            autoComplete="email"
            required
          />
          <PasswordInput
            {...form.field('password', t('auth.fields.passwordHint', { min: PASSWORD_MIN_LENGTH }))}
            label={t('auth.fields.password')}
            autoComplete="new-password"
            required
          />
          <Button type="submit" fullWidth loading={form.submitting} data-testid="signup-submit">
            {t('auth.signup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
