import { Alert, Group, Text } from '@mantine/core';
import { useInterval } from '@mantine/hooks';
import { IconClock, IconLock } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRelative } from '../../flows-list/format-time';
import { clockTime } from '../../shared/clock-time';

/** WhatsApp's 24-hour customer service window: open until 24 h after the customer's last message. */
export function windowState(closesAt: string | null | undefined, now: number): 'none' | 'open' | 'closed' {
  if (!closesAt) return 'none';
  return new Date(closesAt).getTime() > now ? 'open' : 'closed';
}

/** Re-renders every 30 s so "closes in …" and the lock stay right while the chat stays open. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  const interval = useInterval(() => setNow(Date.now()), 30_000);
  useEffect(() => {
    interval.start();
    return interval.stop;
  }, [interval]);
  return now;
}

/** `action`: what the agent can still do when the window is closed (send a template). */
export function WindowNotice({ closesAt, now, action }: { closesAt: string | null | undefined; now: number; action?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const state = windowState(closesAt, now);
  if (state === 'none') return null;
  if (state === 'open') {
    const at = new Date(closesAt!);
    const sameDay = at.toDateString() === new Date(now).toDateString();
    // "until 19:05" today, "until Tue 19:05" when it closes tomorrow.
    const time = clockTime(i18n.language, at, sameDay ? {} : { weekday: 'short' });
    return (
      <Group gap={4} mb={6} wrap="nowrap" align="flex-start" data-testid="window-open">
        <IconClock size={13} color="var(--mantine-color-gray-6)" style={{ flexShrink: 0, marginTop: 2 }} />
        <Text size="xs" c="dimmed">{t('inbox.window.open', { time, relative: formatRelative(closesAt!, i18n.language, now) })}</Text>
      </Group>
    );
  }
  return (
    <Alert color="orange" icon={<IconLock size={16} />} p="xs" mb={6} title={t('inbox.window.closedTitle')} data-testid="window-closed">
      <Text size="xs">{t('inbox.window.closedBody')}</Text>
      {action && <Group mt={6}>{action}</Group>}
    </Alert>
  );
}
