import { ActionIcon, Avatar, Box, Burger, Button, Group, Text, UnstyledButton } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuthStore } from '../auth/auth-store';
import { authApi } from '../api/auth';
import { canSee } from '../auth/roles';
import { PresenceMenu } from '../inbox/presence/PresenceMenu';
import { Brand } from '../shared/Brand';
import { LanguageSwitch } from '../shared/LanguageSwitch';
import { useBelow } from '../shared/use-below';
import { WorkspaceSwitcher } from './WorkspaceSwitcher';

interface AppHeaderProps {
  navOpened: boolean;
  onToggleNav: () => void;
}

export function AppHeader({ navOpened, onToggleNav }: AppHeaderProps) {
  const { t } = useTranslation();
  const user = useAuthStore((s) => s.user);
  const role = useAuthStore((s) => s.role);
  const signOut = useAuthStore((s) => s.signOut);
  // On a phone every pixel between the right-hand controls is taken from the workspace's name.
  const phone = useBelow('xs');
  const logout = () => {
    const refreshToken = useAuthStore.getState().refreshToken;
    if (refreshToken) void authApi.logout(refreshToken).catch(() => undefined);
    signOut();
  };

  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap" miw={0}>
        <Burger
          opened={navOpened}
          onClick={onToggleNav}
          hiddenFrom="sm"
          size="sm"
          aria-label={t('shell.toggleNav')}
        />
        {/* On a phone the workspace's name is worth more than the product's icon. */}
        <Box visibleFrom="xs">
          <Brand size="sm" />
        </Box>
        <WorkspaceSwitcher />
      </Group>
      <Group gap={phone ? 4 : 'sm'} wrap="nowrap">
        {/* Presence is an agent's availability for chats: nothing to say for a role without the inbox. */}
        {canSee('inbox', role) && <PresenceMenu />}
        <LanguageSwitch />
        {/* Your account (name, password); on a phone it is in the menu, where the workspace's name keeps the room. */}
        {user && (
          <UnstyledButton component={Link} to="/account" title={t('account.open')} aria-label={t('account.open')} visibleFrom="sm" data-testid="account-link">
            <Group gap={8} wrap="nowrap">
              <Avatar size="sm" radius="xl" color="initials" name={user.name} />
              <Text size="sm" fw={500} truncate maw={160} data-testid="user-name">
                {user.name}
              </Text>
            </Group>
          </UnstyledButton>
        )}
        {/* The route guard notices the cleared session and redirects to /login. On phones only
            the icon fits; aria-label keeps the button named for screen readers. */}
        {phone ? (
          <ActionIcon variant="subtle" color="gray" onClick={logout} aria-label={t('shell.logout')} data-testid="logout">
            <IconLogout size={16} />
          </ActionIcon>
        ) : (
          <Button variant="subtle" color="gray" size="xs" leftSection={<IconLogout size={16} />} onClick={logout} data-testid="logout">
            {t('shell.logout')}
          </Button>
        )}
      </Group>
    </Group>
  );
}
