import { Group, Text, ThemeIcon } from '@mantine/core';
import type { MantineBreakpoint } from '@mantine/core';
import { IconMessageChatbot } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface BrandProps {
  size?: 'sm' | 'md' | 'lg';
  /** Hide the wordmark below this breakpoint (narrow headers keep only the icon). */
  nameVisibleFrom?: MantineBreakpoint;
}

export function Brand({ size = 'md', nameVisibleFrom }: BrandProps) {
  const { t } = useTranslation();
  const iconSize = { sm: 26, md: 32, lg: 40 }[size];
  return (
    <Group gap="xs" wrap="nowrap">
      <ThemeIcon size={iconSize} radius="md" variant="filled" aria-hidden>
        <IconMessageChatbot size={iconSize * 0.65} stroke={1.8} />
      </ThemeIcon>
      <Text visibleFrom={nameVisibleFrom} fw={800} fz={size === 'lg' ? 28 : size === 'md' ? 22 : 18} lh={1}>
        {t('app.name')}
      </Text>
    </Group>
  );
}
