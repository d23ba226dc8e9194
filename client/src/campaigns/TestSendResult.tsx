// The outcome of one test send, kept up to date: queued first, then sent, delivered, or refused with
// the reason in words (the same words a campaign recipient's failure has).
import { Alert, Group, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatPhone } from '../shared/format-phone';
import { testOutcome } from './test-send-outcome';
import { useTestStatus } from './use-test-status';

const COLORS = { queued: 'blue', sent: 'teal', delivered: 'teal', failed: 'red' } as const;

export function TestSendResult({ campaignId, sent }: { campaignId: string; sent: { messageId: string; to: string; text: string } }) {
  const { t } = useTranslation();
  const status = useTestStatus(campaignId, sent.messageId);
  const outcome = testOutcome(status?.status ?? 'pending');
  const reason = status?.reason ? t(`campaigns.reasons.${status.reason}`, { defaultValue: status.reasonText ?? status.reason }) : t('campaigns.reasons.send_failed');
  const values = { to: formatPhone(sent.to), text: sent.text, reason };
  return (
    <Alert color={COLORS[outcome]} p="xs" data-testid="campaign-test-result" data-outcome={outcome}>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        {outcome === 'queued' && <Loader size={14} mt={3} style={{ flex: 'none' }} />}
        <Text size="sm">{t(`campaigns.test.outcome.${outcome}`, values)}</Text>
      </Group>
    </Alert>
  );
}
