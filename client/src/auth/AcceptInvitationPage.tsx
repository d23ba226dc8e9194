import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { authApi } from '../api/auth';
import { useAuthStore } from './auth-store';
import { AuthLayout } from './AuthLayout';
import { required } from './form-errors';
import { homeFor } from './roles';
import { useAuthForm } from './use-auth-form';

/** The invitation link's page: a new person picks a name and password; someone with an account enters theirs. */
export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const signIn = useAuthStore((s) => s.signIn);

  const form = useAuthForm({
    initial: { name: '', password: '' },
    validate: (v) => ({ name: required(v.name), password: required(v.password) }),
    submit: async (v) => {
      const resp = await authApi.acceptInvitation({ token, name: v.name.trim(), password: v.password });
      signIn(resp);
      notifications.show({ color: 'teal', message: t('auth.accept.success', { workspace: resp.workspace.name }) });
      await navigate(homeFor(resp.role), { replace: true });
    },
  });

  return (
    <AuthLayout title={t('auth.accept.title')} subtitle={t('auth.accept.subtitle')} footer={null}>
      <form onSubmit={form.onSubmit} noValidate>
        <Stack gap="md">
          {!token && <Alert color="red" icon={<IconAlertCircle />}>{t('auth.accept.noToken')}</Alert>}
          {form.formError && (
            <Alert color="red" icon={<IconAlertCircle />} data-testid="form-error">{form.formError}</Alert>
          )}
          <TextInput {...form.field('name')} label={t('auth.fields.name')} autoComplete="name" autoFocus required />
          <PasswordInput {...form.field('password', t('auth.accept.passwordHint'))} label={t('auth.fields.password')} autoComplete="new-password" required />
          <Button type="submit" fullWidth loading={form.submitting} disabled={!token} data-testid="accept-submit">
            {t('auth.accept.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
