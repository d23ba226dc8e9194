// The list's progress cell: the reached part of the bar in teal, the failed in red and the skipped in
// orange (as on the campaign's page), and "3 of 9 sent · 6 not sent" beside it.
import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Campaign } from './campaigns-api';
import { listProgress, share } from './list-progress';

export function ListProgressBar({ counts }: { counts: Campaign['counts'] }) {
  const { t, i18n } = useTranslation();
  const p = listProgress(counts);
  const n = (x: number) => x.toLocaleString(i18n.resolvedLanguage);
  const notSent = p.failed + p.skipped;
  const parts = [['reached', p.reached, 'teal', 'campaigns.listBar.reached'], ['failed', p.failed, 'red', 'campaigns.status.failed'], ['skipped', p.skipped, 'orange', 'campaigns.status.skipped']] as const;
  return (
    <Stack gap={4} data-testid="campaign-progress-cell">
      <Progress.Root w={160} size="md">
        {parts.map(([kind, value, color, label]) => (value > 0 ? <Progress.Section key={kind} value={share(value, p.total)} color={color} title={`${t(label)}: ${n(value)}`} data-testid={`bar-${kind}`} /> : null))}
      </Progress.Root>
      <Text size="xs" c="dimmed" data-testid="campaign-progress-text">
        {t('campaigns.listBar.sent', { sent: n(p.reached), total: n(p.total) })}
        {notSent > 0 && ` · ${t('campaigns.listBar.notSent', { count: notSent, n: n(notSent) })}`}
      </Text>
    </Stack>
  );
}
