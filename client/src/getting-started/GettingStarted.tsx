// "Get started" on the flows page for a new workspace's owners and admins: connect a number, publish
// a flow, talk to the bot, invite the team. Each step turns done from what exists; the card goes away
// once all are done, or when hidden (remembered per workspace in this browser).
import { ActionIcon, Button, Group, Paper, Progress, Stack, Text, ThemeIcon, Title, Tooltip } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuthStore } from '../auth/auth-store';
import { isAdmin } from '../auth/roles';
import { FIRST_STEPS, useFirstSteps, type FirstStep } from './use-first-steps';

const LINKS: Partial<Record<FirstStep, string>> = { channel: '/settings?tab=channels', conversation: '/inbox', team: '/settings?tab=members' };

export function GettingStarted({ onNewFlow }: { onNewFlow(): void }) {
  const { t } = useTranslation();
  const workspaceId = useAuthStore((s) => s.workspace?.id ?? '');
  const admin = useAuthStore((s) => isAdmin(s.role));
  const [hidden, setHidden] = useLocalStorage({ key: `zyntra.gettingStarted.hidden.${workspaceId}`, defaultValue: false, getInitialValueInEffect: false });
  const first = useFirstSteps(admin && !hidden);
  if (!first) return null;
  const { steps, tryChannelId } = first;
  const done = FIRST_STEPS.filter((s) => steps[s]).length;
  if (done === FIRST_STEPS.length) return null;
  return (
    <Paper withBorder radius="md" p="md" data-testid="getting-started">
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="xs">
        <Stack gap={2}>
          <Title order={4}>{t('gettingStarted.title')}</Title>
          <Text size="sm" c="dimmed" data-testid="getting-started-progress">{t('gettingStarted.progress', { done, total: FIRST_STEPS.length })}</Text>
        </Stack>
        <Tooltip label={t('gettingStarted.hide')}>
          <ActionIcon variant="subtle" color="gray" onClick={() => setHidden(true)} aria-label={t('gettingStarted.hide')} data-testid="getting-started-hide">
            <IconX size={18} />
          </ActionIcon>
        </Tooltip>
      </Group>
      <Progress value={(100 * done) / FIRST_STEPS.length} size="sm" mb="md" />
      <Stack gap="sm">
        {FIRST_STEPS.map((step, i) => (
          <Group key={step} wrap="nowrap" align="flex-start" gap="sm" data-testid={`first-step-${step}`} data-done={steps[step]}>
            <ThemeIcon radius="xl" size={26} variant={steps[step] ? 'filled' : 'light'} color={steps[step] ? 'teal' : 'gray'}>
              {steps[step] ? <IconCheck size={16} /> : <Text size="xs" fw={700}>{i + 1}</Text>}
            </ThemeIcon>
            <Stack gap={4} align="flex-start" style={{ flex: 1 }}>
              <Text size="sm" fw={600} td={steps[step] ? 'line-through' : undefined} c={steps[step] ? 'dimmed' : undefined}>{t(`gettingStarted.steps.${step}.title`)}</Text>
              {!steps[step] && <Text size="sm" c="dimmed">{t(`gettingStarted.steps.${step}.body`)}</Text>}
              {/* Under the text, not beside it: on a phone the text keeps the card's width. */}
              {!steps[step] && (step === 'conversation' && tryChannelId ? (
                <Button component="a" href={`/try/${tryChannelId}`} target="_blank" rel="noopener" size="xs" variant="light" data-testid="first-step-try">
                  {t('gettingStarted.steps.conversation.try')}
                </Button>
              ) : LINKS[step] ? (
                <Button component={Link} to={LINKS[step]} size="xs" variant="light">{t(`gettingStarted.steps.${step}.action`)}</Button>
              ) : (
                <Button size="xs" variant="light" onClick={onNewFlow}>{t(`gettingStarted.steps.${step}.action`)}</Button>
              ))}
            </Stack>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
