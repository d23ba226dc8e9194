import { Alert, Button, Center, Loader, PasswordInput, Stack, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { authApi } from '../api/auth';
import { ApiError } from '../api/errors';
import { AuthForm } from './AuthForm';
import { AuthLayout } from './AuthLayout';
import { required } from './form-errors';
import { homeFor } from './roles';
import { useAuthForm } from './use-auth-form';
import { useEnterApp } from './use-enter-app';
import { useInvitationPreview } from './use-invitation-preview';

/** The invitation link's page: a new person picks a name and password; someone with an account enters theirs. */
export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const enterApp = useEnterApp();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const preview = useInvitationPreview(token);
  const invitation = preview.state === 'ok' ? preview.invitation : null;
  // Refused on accept although the preview could not tell (it was offline or rate limited).
  const [rejected, setRejected] = useState(false);
  const invalid = !token || preview.state === 'gone' || rejected;

  const form = useAuthForm({
    initial: { name: '', password: '' },
    validate: (v) => ({ name: required(v.name), password: required(v.password) }),
    submit: async (v) => {
      let resp;
      try {
        resp = await authApi.acceptInvitation({ token, name: v.name.trim(), password: v.password });
      } catch (err) {
        if (!(err instanceof ApiError && err.status === 404)) throw err;
        setRejected(true);
        return;
      }
      await enterApp(resp, t('auth.accept.success', { workspace: resp.workspace.name }), homeFor(resp.role));
    },
  });

  // A link that cannot work offers no form to fill in vain, only the reason and a way on: whoever
  // already joined with it signs in.
  if (invalid) {
    return (
      <AuthLayout title={t('auth.accept.invalidTitle')} subtitle="" footer={null}>
        <Stack gap="md" data-testid="invitation-invalid">
          <Alert color="red" icon={<IconAlertCircle />} data-testid="invitation-gone">{t(token ? 'auth.accept.gone' : 'auth.accept.noToken')}</Alert>
          <Button component={Link} to="/login" fullWidth variant="light" data-testid="invitation-to-login">
            {t('auth.accept.toLogin')}
          </Button>
        </Stack>
      </AuthLayout>
    );
  }

  // A moment while the link is read: the page then opens on the workspace's name, not on a generic
  // title that changes under the reader.
  if (preview.state === 'loading') {
    return (
      <AuthLayout title="" subtitle="" footer={null}>
        <Center py="xl" data-testid="invitation-loading">
          <Loader size="sm" />
        </Center>
      </AuthLayout>
    );
  }

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
      <AuthForm form={form} submitLabel={t('auth.accept.submit')} submitTestId="accept-submit">
        <TextInput {...form.field('name')} label={t('auth.fields.name')} autoComplete="name" autoFocus required />
        <PasswordInput {...form.field('password', t('auth.accept.passwordHint'))} label={t('auth.fields.password')} autoComplete="new-password" required />
      </AuthForm>
    </AuthLayout>
  );
}
