import { NavLink, Stack } from '@mantine/core';
import { IconAddressBook, IconApi, IconChartBar, IconInbox, IconMessage2Check, IconSettings, IconSitemap, IconSpeakerphone, IconUserCircle } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useAuthStore } from '../auth/auth-store';
import { canSee } from '../auth/roles';

type NavKey = 'flows' | 'inbox' | 'contacts' | 'templates' | 'campaigns' | 'reports' | 'settings' | 'developers';

const items: { key: NavKey; to: string; icon: ComponentType<{ size?: number; stroke?: number }> }[] = [
  { key: 'flows', to: '/flows', icon: IconSitemap },
  { key: 'inbox', to: '/inbox', icon: IconInbox },
  { key: 'contacts', to: '/contacts', icon: IconAddressBook },
  { key: 'templates', to: '/templates', icon: IconMessage2Check },
  { key: 'campaigns', to: '/campaigns', icon: IconSpeakerphone },
  { key: 'reports', to: '/reports', icon: IconChartBar },
  { key: 'settings', to: '/settings', icon: IconSettings },
  { key: 'developers', to: '/developers', icon: IconApi },
];

/** Every role's own account, after the areas (on a phone, the only way there: the header has no room). */
const account = { key: 'account', to: '/account', icon: IconUserCircle } as const;

export function AppNavbar({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const role = useAuthStore((s) => s.role);
  return (
    <Stack gap={4} component="nav">
      {[...items.filter(({ key }) => canSee(key, role)), account].map(({ key, to, icon: Icon }) => {
        // Prefix match so later sub-pages (/flows/:id) keep their area highlighted.
        const active = pathname === to || pathname.startsWith(`${to}/`);
        return (
          <NavLink
            key={key}
            component={Link}
            to={to}
            data-testid={`nav-${key}`}
            label={key === 'account' ? t('account.open') : t(`nav.${key}`)}
            leftSection={<Icon size={20} stroke={1.6} />}
            active={active}
            aria-current={active ? 'page' : undefined}
            onClick={onNavigate}
            fw={500}
            style={{ borderRadius: 'var(--mantine-radius-md)' }}
          />
        );
      })}
    </Stack>
  );
}
