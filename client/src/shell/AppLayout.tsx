import { AppShell } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { authApi } from '../api/auth';
import { useAuthStore } from '../auth/auth-store';
import { areaOf } from '../auth/roles';
import { useInbox } from '../inbox/store/inbox-store';
import { pendingChats } from '../inbox/store/pending';
import { AppHeader } from './AppHeader';
import { AppNavbar } from './AppNavbar';
import { useDocumentTitle } from './document-title';

/** Authenticated frame: header + navbar around the current area's page. */
export function AppLayout() {
  const [navOpened, nav] = useDisclosure(false);
  const setProfile = useAuthStore((s) => s.setProfile);
  const { t } = useTranslation();
  const area = areaOf(useLocation().pathname);
  // The live line (shell/LiveLine.tsx, around this frame) keeps the counts current on every page.
  useDocumentTitle(area && t(`nav.${area}`), useInbox((s) => pendingChats(s.counts)));

  // The persisted profile may be stale (renamed workspace, changed role). Re-reading /v1/me
  // also validates the session early: a dead token gets refreshed or signs out here.
  useEffect(() => {
    const ctrl = new AbortController();
    authApi.me(ctrl.signal).then(setProfile, () => {
      // 401 is handled by the API client; on other failures the cached profile is good enough.
    });
    return () => ctrl.abort();
  }, [setProfile]);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="lg"
    >
      <AppShell.Header>
        <AppHeader navOpened={navOpened} onToggleNav={nav.toggle} />
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <AppNavbar onNavigate={nav.close} />
      </AppShell.Navbar>
      <AppShell.Main bg="var(--mantine-color-gray-0)">
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
