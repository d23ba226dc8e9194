import { Box } from '@mantine/core';
import type { Presence } from '../api/inbox-types';

const COLORS: Record<Presence, string> = { online: 'teal.6', away: 'yellow.6', offline: 'gray.5' };

export function PresenceDot({ status, size = 10 }: { status: Presence; size?: number }) {
  return <Box w={size} h={size} bg={COLORS[status]} style={{ borderRadius: '50%', flexShrink: 0 }} aria-hidden data-presence={status} />;
}
