import { Box, Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { peopleApi } from '../api/people-api';
import type { Presence } from '../api/inbox-types';
import { useAuthStore } from '../../auth/auth-store';
import { inboxStore, useInbox } from '../store/inbox-store';
import { PresenceDot } from './PresenceDot';

const STATUSES: Presence[] = ['online', 'away', 'offline'];

/** The agent's own status in the header: online, away or offline (auto-assignment reads it). */
export function PresenceMenu() {
  const { t } = useTranslation();
  const meId = useAuthStore((s) => s.user?.id);
  // Kept in the inbox store, so the assign menu shows the agent's own dot as they know it.
  const status = useInbox((s) => (s.mine && s.mine.userId === meId ? s.mine.status : null));
  const setStatus = useCallback((next: Presence | null) => {
    if (meId && next) inboxStore.getState().setMine(meId, next);
  }, [meId]);
  const connection = useInbox((s) => s.connection);
  const version = useInbox((s) => s.presenceVersion);
  // Re-read when the live line comes up (the open socket is what makes an agent online) and on any
  // presence change; a short wait lets the server count the new socket first. While the page's
  // first connection is still being made the answer would be "offline" for a moment: it is read
  // only if the line has not come up within a few seconds.
  useEffect(() => {
    let live = true;
    const delay = connection === 'online' ? 400 : connection === 'connecting' ? 3_000 : 0;
    const timer = setTimeout(() => peopleApi.presence().then((p) => live && setStatus(p.status), () => undefined), delay);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [connection, version, setStatus]);
  const choose = (next: Presence) => {
    const before = status;
    setStatus(next);
    peopleApi.setPresence(next).then(
      (p) => setStatus(p.status),
      () => {
        setStatus(before);
        notifications.show({ color: 'red', message: t('presence.failed') });
      },
    );
  };
  if (!status) return null;
  return (
    <Menu position="bottom-end" width={180}>
      <Menu.Target>
        <Button variant="subtle" color="gray" size="xs" px={8} leftSection={<PresenceDot status={status} />} aria-label={t('presence.label')} data-testid="presence" data-status={status}>
          {/* On phones only the dot fits; aria-label keeps it named. */}
          <Box component="span" visibleFrom="sm">
            {t(`presence.${status}`)}
          </Box>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('presence.label')}</Menu.Label>
        {STATUSES.map((s) => (
          <Menu.Item key={s} leftSection={<PresenceDot status={s} />} onClick={() => choose(s)} data-testid={`presence-${s}`}>
            {t(`presence.${s}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
