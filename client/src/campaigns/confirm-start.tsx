// Starting sends at once to everyone the audience selects, and a sent message cannot be recalled:
// the marketer sees how many people first (counted now, as the start will freeze it) and confirms.
// Outside the sending hours it does not go "now": the confirmation says when it begins. What could make
// every send fail or cost the number (start-warnings.ts) is said again here, where it is decided.
import { Alert, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { modals } from '@mantine/modals';
import type { i18n as I18n, TFunction } from 'i18next';
import type { AudienceCounts } from './campaigns-api';
import { type Begins, beginsText } from './begins-text';
import type { StartWarning } from './start-warnings';

function warningText(t: TFunction, w: StartWarning): string {
  if (w.kind === 'templateUnknown') return t('campaigns.wizard.templateUnknown');
  if (w.kind === 'gateway') return t('campaigns.gatewayWarningTitle');
  return t(`campaigns.start.${w.kind}`, { channel: w.channel });
}

export function confirmStart(t: TFunction, i18n: I18n, name: string, counts: AudienceCounts, begins: Begins | null, warnings: StartWarning[], start: () => void) {
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
        {!nobody && warnings.map((w) => (
          <Alert key={w.kind} color="yellow" p="xs" icon={<IconAlertTriangle size={18} />} data-testid={`start-warning-${w.kind}`}>
            <Text size="sm">{warningText(t, w)}</Text>
          </Alert>
        ))}
      </Stack>
    ),
    labels: { confirm: nobody ? t('campaigns.start.confirmNobody') : t('campaigns.start.confirm', { count: counts.reachable, n: n(counts.reachable) }), cancel: t('campaigns.start.notYet') },
    confirmProps: { disabled: nobody, 'data-testid': 'confirm-start' } as Record<string, unknown>,
    onConfirm: start,
  });
}
