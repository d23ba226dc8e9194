// Starting sends at once to everyone the audience selects, and a sent message cannot be recalled:
// the marketer sees how many people first (counted now, as the start will freeze it) and confirms.
// Outside the sending hours it does not go "now": the confirmation says when it begins.
import { Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import type { i18n as I18n, TFunction } from 'i18next';
import type { AudienceCounts } from './campaigns-api';
import { type Begins, beginsText } from './begins-text';

export function confirmStart(t: TFunction, i18n: I18n, name: string, counts: AudienceCounts, begins: Begins | null, start: () => void) {
  const n = (x: number) => x.toLocaleString(i18n.resolvedLanguage);
  const nobody = counts.reachable === 0;
  const goes = begins ? t('campaigns.start.bodyLater', { count: counts.reachable, n: n(counts.reachable), when: beginsText(t, begins) }) : t('campaigns.start.body', { count: counts.reachable, n: n(counts.reachable) });
  modals.openConfirmModal({
    title: t(begins && !nobody ? 'campaigns.start.titleLater' : 'campaigns.start.title', { name }),
    children: (
      <Stack gap="xs" data-testid="start-summary">
        <Text size="sm">{nobody ? t('campaigns.start.nobody') : goes}</Text>
        {counts.optedOut > 0 && <Text size="sm" c="dimmed">{t('campaigns.audience.optedOut', { count: counts.optedOut, n: n(counts.optedOut) })}</Text>}
        {!!counts.missingValue && <Text size="sm" c="dimmed">{t('campaigns.audience.missingValue', { count: counts.missingValue, n: n(counts.missingValue) })}</Text>}
      </Stack>
    ),
    labels: { confirm: nobody ? t('campaigns.start.confirmNobody') : t('campaigns.start.confirm', { count: counts.reachable, n: n(counts.reachable) }), cancel: t('campaigns.start.notYet') },
    confirmProps: { disabled: nobody, 'data-testid': 'confirm-start' } as Record<string, unknown>,
    onConfirm: start,
  });
}
