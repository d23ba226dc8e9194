import { Badge, ThemeIcon } from '@mantine/core';
import type { MantineColor } from '@mantine/core';
import { IconBrandWhatsapp, IconPlug, IconServer2, IconWorldWww } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { isChannelType } from './channels-api';
import type { ChannelType } from './channels-api';

type Icon = ComponentType<{ size?: number; stroke?: number }>;

// Both WhatsApp routes get the WhatsApp mark; Evolution's server icon says "self-hosted".
const visuals = {
  whatsapp_cloud: { icon: IconBrandWhatsapp, color: 'green' },
  evolution: { icon: IconServer2, color: 'indigo' },
  webchat: { icon: IconWorldWww, color: 'orange' },
} as const satisfies Record<ChannelType, { icon: Icon; color: MantineColor }>;

// Types a newer server knows (e.g. telegram) still render, just without a dedicated look.
const fallback = { icon: IconPlug, color: 'gray' } as const;

export function ChannelTypeIcon({ type, size = 40 }: { type: string; size?: number }) {
  const { icon: TypeIcon, color } = isChannelType(type) ? visuals[type] : fallback;
  return (
    <ThemeIcon size={size} radius="md" variant="light" color={color} aria-hidden>
      <TypeIcon size={size * 0.6} stroke={1.6} />
    </ThemeIcon>
  );
}

/** Type name as a badge; unknown types show their raw id rather than nothing. */
export function ChannelTypeBadge({ type }: { type: string }) {
  const { t } = useTranslation();
  const color = isChannelType(type) ? visuals[type].color : fallback.color;
  return (
    <Badge variant="light" color={color} radius="sm" tt="none">
      {isChannelType(type) ? t(`settings.channels.types.${type}`) : type}
    </Badge>
  );
}

export function ChannelStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const known = status === 'active' || status === 'disabled' || status === 'pending';
  return (
    <Badge
      variant="dot"
      color={status === 'active' ? 'green' : status === 'pending' ? 'yellow' : 'gray'}
      tt="none"
      data-testid="channel-status"
    >
      {known ? t(`settings.channels.status.${status}`) : status}
    </Badge>
  );
}
