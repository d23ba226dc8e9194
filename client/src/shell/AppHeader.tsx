import { Avatar, Box, Burger, Button, Group, Text } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAuthStore } from '../auth/auth-store';
import { authApi } from '../api/auth';
import { PresenceMenu } from '../inbox/presence/PresenceMenu';
import { Brand } from '../shared/Brand';
import { LanguageSwitch } from '../shared/LanguageSwitch';
import { WorkspaceSwitcher } from './WorkspaceSwitcher';

interface AppHeaderProps {
  navOpened: boolean;
  onToggleNav: () => void;
}

export function AppHeader({ navOpened, onToggleNav }: AppHeaderProps) {
  const { t } = useTranslation();
  const user = useAuthStore((s) => s.user);
  const signOut = useAuthStore((s) => s.signOut);

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
      <Group gap="sm" wrap="nowrap">
        <PresenceMenu />
        <LanguageSwitch />
        {user && (
          <Group gap={8} wrap="nowrap" visibleFrom="sm">
            <Avatar size="sm" radius="xl" color="initials" name={user.name} />
            <Text size="sm" fw={500} truncate maw={160} data-testid="user-name">
              {user.name}
            </Text>
          </Group>
        )}
        {/* The route guard notices the cleared session and redirects to /login. */}
        <Button
          variant="subtle"
          color="gray"
          size="xs"
          leftSection={<IconLogout size={16} />}
          onClick={() => {
            const refreshToken = useAuthStore.getState().refreshToken;
            if (refreshToken) void authApi.logout(refreshToken).catch(() => undefined);
            signOut();
          }}
          aria-label={t('shell.logout')}
          data-testid="logout"
        >
          {/* On phones only the icon fits; aria-label keeps the button named for screen readers. */}
          <Box component="span" visibleFrom="xs">
            {t('shell.logout')}
          </Box>
        </Button>
      </Group>
    </Group>
  );
}
