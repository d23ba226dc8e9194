import { PasswordInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { authApi } from '../api/auth';
import { AuthFooterLink, AuthLayout } from './AuthLayout';
import { AuthForm, EmailField } from './AuthForm';
import { PASSWORD_MIN_LENGTH, required, validEmail } from './form-errors';
import { useAuthForm } from './use-auth-form';
import { useEnterApp } from './use-enter-app';

export function SignupPage() {
  const { t } = useTranslation();
  const enterApp = useEnterApp();

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
      await enterApp(resp, t('auth.signup.success', { workspace: resp.workspace.name }), '/flows');
    },
  });

  return (
    <AuthLayout
      title={t('auth.signup.title')}
      subtitle={t('auth.signup.subtitle')}
      footer={<AuthFooterLink question={t('auth.signup.haveAccount')} to="/login" label={t('auth.signup.toLogin')} />}
    >
      <AuthForm form={form} submitLabel={t('auth.signup.submit')} submitTestId="signup-submit">
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
        <EmailField {...form.field('email')} />
        <PasswordInput
          {...form.field('password', t('auth.fields.passwordHint', { min: PASSWORD_MIN_LENGTH }))}
          label={t('auth.fields.password')}
          autoComplete="new-password"
          required
        />
      </AuthForm>
    </AuthLayout>
  );
}
