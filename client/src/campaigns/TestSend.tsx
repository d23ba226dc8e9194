// "Send a test": before a campaign goes to everyone, the marketer sends its message to their own
// phone, filled as that number's contact would get it, and replies to see the campaign's flow answer.
// The last number used is remembered on this browser, so the next test is one click.
import { Alert, Button, Group, Popover, Stack, Text, TextInput } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiError } from '../api/errors';
import { templateSendErrorText } from '../templates/template-send-errors';
import { campaignsApi } from './campaigns-api';
import { TestSendResult } from './TestSendResult';

function testErrorText(t: TFunction, err: unknown): string {
  if (err instanceof ApiError && err.code === 'validation_failed') {
    if (err.details.field === 'phone') return t('campaigns.test.badPhone');
    if (err.details.optedOut === true) return t('campaigns.test.optedOut');
    if (err.details.missingValue === true) return t('campaigns.test.missingValue', { example: '{{contact.name | "cliente"}}' });
  }
  return templateSendErrorText(t, err, {}, 'campaigns.test.failed');
}

export function TestSend({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const [phone, setPhone] = useLocalStorage({ key: 'zyntra.campaigns.testPhone', defaultValue: '' });
  const [opened, setOpened] = useState(false);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<{ messageId: string; to: string; text: string } | null>(null);
  const [refused, setRefused] = useState<string | null>(null);

  const send = async () => {
    setSending(true);
    setSent(null);
    setRefused(null);
    try {
      setSent(await campaignsApi.test(campaignId, phone.trim()));
    } catch (err) {
      setRefused(testErrorText(t, err));
    } finally {
      setSending(false);
    }
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={340} shadow="md" trapFocus withinPortal>
      <Popover.Target>
        <Button variant="default" leftSection={<IconSend size={16} />} onClick={() => setOpened((o) => !o)} data-testid="campaign-test-open">
          {t('campaigns.test.open')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" data-testid="campaign-test">
          <Text size="sm">{t('campaigns.test.intro')}</Text>
          <TextInput label={t('campaigns.test.phone')} placeholder="(11) 98888-7777" value={phone} inputMode="tel" autoComplete="tel"
            onChange={(e) => setPhone(e.currentTarget.value)} onKeyDown={(e) => e.key === 'Enter' && phone.trim() && void send()} data-testid="campaign-test-phone" />
          {sent && <TestSendResult key={sent.messageId} campaignId={campaignId} sent={sent} />}
          {refused && <Alert color="red" p="xs" data-testid="campaign-test-result">{refused}</Alert>}
          <Group justify="flex-end">
            <Button size="xs" onClick={() => void send()} loading={sending} disabled={!phone.trim()} data-testid="campaign-test-send">{t('campaigns.test.send')}</Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
