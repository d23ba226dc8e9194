import { Alert, Badge, Box, Button, Group, Input, Paper, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authApi } from '../api/auth';
import type { WorkspaceRole } from '../api/types';
import { useAuthStore } from '../auth/auth-store';

const KNOWN_ROLES = ['owner', 'admin', 'marketer', 'agent'] as const;
type KnownRole = (typeof KNOWN_ROLES)[number];
const isKnownRole = (r: WorkspaceRole): r is KnownRole => (KNOWN_ROLES as readonly string[]).includes(r);

/** The workspace, your role and your login; the team itself is managed in the Members tab. */
export function WorkspaceTab() {
  const { t } = useTranslation();
  const setProfile = useAuthStore((s) => s.setProfile);
  // The stored profile paints immediately; /v1/me then replaces it with the current truth.
  const workspace = useAuthStore((s) => s.workspace);
  const role = useAuthStore((s) => s.role);
  const user = useAuthStore((s) => s.user);
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');

  useEffect(() => {
    const ctrl = new AbortController();
    authApi.me(ctrl.signal).then(
      (me) => {
        setProfile(me);
        setState('ready');
      },
      () => {
        if (!ctrl.signal.aborted) setState('error');
      },
    );
    return () => ctrl.abort();
  }, [setProfile]);

  if (!workspace && state === 'loading') {
    return (
      <Paper withBorder p="lg" radius="md" maw={560} data-testid="workspace-loading">
        <Stack gap="md">
          <Skeleton h={56} />
          <Skeleton h={24} w="30%" />
        </Stack>
      </Paper>
    );
  }

  return (
    <Paper withBorder p="lg" radius="md" maw={560}>
      <Stack gap="md">
        {state === 'error' && (
          <Alert color="yellow" variant="light">
            {t('settings.workspace.loadError')}
          </Alert>
        )}
        {role === 'owner' || role === 'admin' ? (
          <RenameWorkspace current={workspace?.name ?? ''} />
        ) : (
          <TextInput label={t('settings.workspace.name')} value={workspace?.name ?? ''} readOnly data-testid="settings-workspace-name" />
        )}
        {/* Input.Wrapper gives plain values the same label style as the input above. */}
        <Input.Wrapper label={t('settings.workspace.role')}>
          {role && (
            <Box>
              <Badge variant="light" size="lg" radius="sm" tt="none" mt={4} data-testid="settings-role">
                {isKnownRole(role) ? t(`settings.workspace.roles.${role}`) : role}
              </Badge>
            </Box>
          )}
        </Input.Wrapper>
        {user && (
          <Input.Wrapper label={t('settings.workspace.user')}>
            <Text size="sm" c="dimmed" mt={4} data-testid="settings-user">
              {user.name} · {user.email}
            </Text>
          </Input.Wrapper>
        )}
        {(role === 'owner' || role === 'admin') && (
          <Text size="sm" c="dimmed">
            <IconInfoCircle size={16} style={{ verticalAlign: 'text-bottom', marginRight: 6 }} />
            {t('settings.workspace.membersHint')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** Owners and admins rename the workspace; the header's badge follows at once. */
function RenameWorkspace({ current }: { current: string }) {
  const { t } = useTranslation();
  const [name, setName] = useState(current);
  const [saving, setSaving] = useState(false);
  useEffect(() => setName(current), [current]);
  const changed = name.trim() !== '' && name.trim() !== current;
  const save = async () => {
    setSaving(true);
    try {
      const renamed = await authApi.renameWorkspace(name.trim());
      useAuthStore.setState((s) => ({ workspace: s.workspace && { ...s.workspace, name: renamed.name } }));
      notifications.show({ color: 'teal', message: t('settings.workspace.renamed') });
    } catch {
      notifications.show({ color: 'red', message: t('settings.members.failed') });
    } finally {
      setSaving(false);
    }
  };
  return (
    <form onSubmit={(e) => { e.preventDefault(); if (changed) void save(); }}>
      <Group align="flex-end" gap="sm" wrap="nowrap">
        <TextInput label={t('settings.workspace.name')} value={name} maxLength={80} onChange={(e) => setName(e.currentTarget.value)} style={{ flex: 1 }} data-testid="settings-workspace-name" />
        <Button type="submit" disabled={!changed} loading={saving} data-testid="settings-workspace-save">{t('settings.workspace.save')}</Button>
      </Group>
    </form>
  );
}
