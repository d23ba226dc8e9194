import { Tooltip } from '@mantine/core';
import { IconAlertCircle, IconCheck, IconChecks, IconClock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { MessageStatus } from '../api/inbox-types';

const ICONS = {
  pending: { Icon: IconClock, color: 'var(--mantine-color-gray-5)' },
  sent: { Icon: IconCheck, color: 'var(--mantine-color-gray-6)' },
  delivered: { Icon: IconChecks, color: 'var(--mantine-color-gray-6)' },
  read: { Icon: IconChecks, color: 'var(--mantine-color-blue-6)' },
  played: { Icon: IconChecks, color: 'var(--mantine-color-blue-6)' },
  failed: { Icon: IconAlertCircle, color: 'var(--mantine-color-red-6)' },
} as const;

/** WhatsApp-style ticks: clock, one tick, two ticks, two blue ticks; red when it failed. */
export function DeliveryTicks({ status }: { status: MessageStatus }) {
  const { t } = useTranslation();
  if (!(status in ICONS)) return null;
  const { Icon, color } = ICONS[status as keyof typeof ICONS];
  const label = t(`inbox.ticks.${status as keyof typeof ICONS}`);
  return (
    <Tooltip label={label} withArrow openDelay={300}>
      <span aria-label={label} data-testid="ticks" data-status={status} style={{ display: 'inline-flex' }}>
        <Icon size={14} color={color} />
      </span>
    </Tooltip>
  );
}
