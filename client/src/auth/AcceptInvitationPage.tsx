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
import { useInvitationPreview } from './use-invitation-preview';

/** The invitation link's page: a new person picks a name and password; someone with an account enters theirs. */
export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const signIn = useAuthStore((s) => s.signIn);
  const preview = useInvitationPreview(token);
  const invitation = preview.state === 'ok' ? preview.invitation : null;

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
    <AuthLayout
      title={invitation ? t('auth.accept.titleNamed', { workspace: invitation.workspace.name }) : t('auth.accept.title')}
      subtitle={invitation ? t('auth.accept.subtitleNamed', {
        inviter: invitation.invitedBy?.name ?? t('auth.accept.someone'),
        role: t(`settings.workspace.roles.${invitation.role}`, { defaultValue: invitation.role }),
        email: invitation.email,
      }) : t('auth.accept.subtitle')}
      footer={null}
    >
      <form onSubmit={form.onSubmit} noValidate>
        <Stack gap="md">
          {!token && <Alert color="red" icon={<IconAlertCircle />}>{t('auth.accept.noToken')}</Alert>}
          {token && preview.state === 'gone' && (
            <Alert color="red" icon={<IconAlertCircle />} data-testid="invitation-gone">{t('auth.accept.gone')}</Alert>
          )}
          {form.formError && (
            <Alert color="red" icon={<IconAlertCircle />} data-testid="form-error">{form.formError}</Alert>
          )}
          <TextInput {...form.field('name')} label={t('auth.fields.name')} autoComplete="name" autoFocus required />
          <PasswordInput {...form.field('password', t('auth.accept.passwordHint'))} label={t('auth.fields.password')} autoComplete="new-password" required />
          <Button type="submit" fullWidth loading={form.submitting} disabled={!token || preview.state === 'gone'} data-testid="accept-submit">
            {t('auth.accept.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
