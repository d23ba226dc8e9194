// One set-aside event or unsent message: who it concerns, what it was, why it failed, and its retry.
import { Anchor, Badge, Button, Code, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

type Props = {
  testId: string;
  who: string;
  /** The chat it belongs to, when there is one to open. */
  conversationId?: string;
  badge?: string;
  title?: ReactNode;
  error: string | null;
  failedAt: string | null;
  attempts: number;
  busy: boolean;
  /** Why it may not be retried, said in place of the button. */
  blocked?: string;
  onRetry: () => void;
};

export function FailedCard(p: Props) {
  const { t, i18n } = useTranslation();
  const when = p.failedAt ? new Date(p.failedAt).toLocaleString(i18n.language) : '';
  return (
    <Paper withBorder p="md" data-testid={p.testId}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} miw={0}>
          <Group gap="xs" wrap="wrap">
            {p.badge && <Badge variant="light">{p.badge}</Badge>}
            <Text size="sm" fw={500} data-testid="failure-who" style={{ overflowWrap: 'anywhere' }}>{p.who}</Text>
            {p.conversationId && (
              <Anchor component={Link} to={`/inbox/${p.conversationId}`} size="sm" data-testid="failure-open-chat">
                {t('settings.failures.openChat')}
              </Anchor>
            )}
          </Group>
          {p.title && <Text style={{ overflowWrap: 'anywhere' }}>{p.title}</Text>}
          <Code data-testid="failure-reason" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{p.error ?? t('settings.failures.noReason')}</Code>
          <Text size="xs" c="dimmed">{t('settings.failures.failedAt', { when, count: p.attempts })}</Text>
        </Stack>
        {p.blocked ? (
          <Badge color="gray" variant="light" style={{ flexShrink: 0 }} data-testid="failure-blocked">{p.blocked}</Badge>
        ) : (
          <Button size="xs" variant="light" loading={p.busy} onClick={p.onRetry} style={{ flexShrink: 0 }} data-testid={`retry-${p.testId.replace('failed-', '')}`}>
            {t('settings.failures.retry')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}
