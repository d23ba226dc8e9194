import { Badge, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconSelector } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authApi } from '../api/auth';
import type { AuthWorkspace } from '../api/types';
import { useAuthStore } from '../auth/auth-store';
import { homeFor } from '../auth/roles';
import { useBelow } from '../shared/use-below';

/** The workspace badge; for someone in several workspaces, a menu to switch between them. */
export function WorkspaceSwitcher() {
  const { t } = useTranslation();
  const workspace = useAuthStore((s) => s.workspace);
  const [others, setOthers] = useState<AuthWorkspace[]>([]);
  // A phone's header has about 150 px for it: a smaller badge reads "Bazar da Ana" whole.
  const phone = useBelow('xs');
  if (!workspace) return null;

  const load = () => void authApi.me().then((me) => setOthers(me.workspaces), () => undefined);
  const switchTo = async (id: string) => {
    try {
      const next = await authApi.switchWorkspace(id);
      const { user, signIn } = useAuthStore.getState();
      signIn({ ...next, user: user! });
      // A fresh page: every store, socket and cached list belongs to the workspace left behind.
      window.location.assign(homeFor(next.role));
    } catch {
      notifications.show({ color: 'red', message: t('settings.members.failed') });
    }
  };
  return (
    <Menu onOpen={load} position="bottom-start" withinPortal>
      <Menu.Target>
        <Badge
          component="button"
          variant="light"
          size={phone ? 'md' : 'lg'}
          radius="sm"
          tt="none"
          maw={phone ? 150 : 240}
          rightSection={<IconSelector size={14} />}
          title={`${t('shell.workspace')}: ${workspace.name}`}
          data-testid="workspace-name"
          style={{ cursor: 'pointer' }}
        >
          {workspace.name}
        </Badge>
      </Menu.Target>
      <Menu.Dropdown data-testid="workspace-menu">
        <Menu.Label>{t('shell.switchWorkspace')}</Menu.Label>
        {others.map((w) => (
          <Menu.Item key={w.id} onClick={() => w.id !== workspace.id && void switchTo(w.id)} rightSection={w.id === workspace.id ? <IconCheck size={14} /> : null}>
            {w.name}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
