// "Reaches 1,234 people · 5 opted out are skipped · 3 without a value for the template are skipped",
// under the audience choice in the wizard.
import { Group, Loader, Text } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AudienceCount } from './use-audience-count';

export function AudienceCountLine({ count }: { count: AudienceCount }) {
  const { t, i18n } = useTranslation();
  if (count.state === 'idle') return null;
  if (count.state === 'loading') {
    return (
      <Group gap="xs" data-testid="audience-count" data-state="loading">
        <Loader size="xs" />
        <Text size="sm" c="dimmed">{t('campaigns.audience.counting')}</Text>
      </Group>
    );
  }
  if (count.state === 'failed') return <Text size="sm" c="dimmed" data-testid="audience-count" data-state="failed">{t('campaigns.audience.failed')}</Text>;
  const { total, reachable, optedOut, missingValue } = count.counts;
  const n = (x: number) => x.toLocaleString(i18n.resolvedLanguage);
  return (
    <Group gap="xs" wrap="nowrap" data-testid="audience-count" data-state="ready" data-reachable={reachable}>
      <IconUsers size={18} color={reachable === 0 ? 'var(--mantine-color-orange-6)' : 'var(--mantine-color-teal-6)'} />
      <Text size="sm" fw={500} c={reachable === 0 ? 'orange.7' : undefined}>
        {total === 0 ? t('campaigns.audience.none') : t('campaigns.audience.reaches', { count: reachable, n: n(reachable) })}
        {optedOut > 0 && ` · ${t('campaigns.audience.optedOut', { count: optedOut, n: n(optedOut) })}`}
        {!!missingValue && ` · ${t('campaigns.audience.missingValue', { count: missingValue, n: n(missingValue) })}`}
      </Text>
    </Group>
  );
}
