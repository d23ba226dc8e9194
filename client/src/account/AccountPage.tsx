import { Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { authApi } from '../api/auth';
import { AuthForm } from '../auth/AuthForm';
import { useAuthStore } from '../auth/auth-store';
import { PASSWORD_MIN_LENGTH, required } from '../auth/form-errors';
import { useAuthForm } from '../auth/use-auth-form';

/** Every role's own account: the name their team sees, and their password. */
export function AccountPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" maw={560}>
      <div>
        <Title order={2}>{t('account.title')}</Title>
        <Text c="dimmed" size="sm">{t('account.subtitle')}</Text>
      </div>
      <Section title={t('account.profile')}>
        <ProfileForm />
      </Section>
      <Section title={t('account.password')} hint={t('account.passwordHint')}>
        <PasswordForm />
      </Section>
    </Stack>
  );
}

function Section({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-label={title}>
      <Stack gap="md">
        <div>
          <Title order={3} size="h4">{title}</Title>
          {hint && <Text c="dimmed" size="sm">{hint}</Text>}
        </div>
        {children}
      </Stack>
    </Paper>
  );
}

function ProfileForm() {
  const { t } = useTranslation();
  const user = useAuthStore((s) => s.user);
  const form = useAuthForm({
    initial: { name: user?.name ?? '' },
    validate: (v) => ({ name: required(v.name) }),
    submit: async (v) => {
      const { user: renamed } = await authApi.renameMe(v.name.trim());
      useAuthStore.setState({ user: renamed });
      notifications.show({ color: 'teal', message: t('account.renamed') });
    },
  });
  return (
    <AuthForm form={form} submitLabel={t('account.saveName')} submitTestId="account-save-name">
      <TextInput {...form.field('name', t('account.nameHint'))} label={t('account.name')} maxLength={80} autoComplete="name" required />
      <TextInput label={t('account.email')} value={user?.email ?? ''} readOnly variant="filled" data-testid="account-email" />
    </AuthForm>
  );
}

function PasswordForm() {
  const { t } = useTranslation();
  const form = useAuthForm({
    initial: { currentPassword: '', newPassword: '' },
    validate: (v) => ({
      currentPassword: required(v.currentPassword),
      newPassword: required(v.newPassword) ?? (v.newPassword.length < PASSWORD_MIN_LENGTH ? { key: 'validation.passwordTooShort', values: { min: PASSWORD_MIN_LENGTH } } : undefined),
    }),
    submit: async (v) => {
      await authApi.changePassword(v.currentPassword, v.newPassword);
      form.reset();
      notifications.show({ color: 'teal', message: t('account.passwordChanged') });
    },
  });
  return (
    <AuthForm form={form} submitLabel={t('account.savePassword')} submitTestId="account-save-password">
      <PasswordInput {...form.field('currentPassword')} label={t('account.current')} autoComplete="current-password" required />
      <PasswordInput {...form.field('newPassword', t('auth.fields.passwordHint', { min: PASSWORD_MIN_LENGTH }))} label={t('account.newPassword')} autoComplete="new-password" required />
    </AuthForm>
  );
}
