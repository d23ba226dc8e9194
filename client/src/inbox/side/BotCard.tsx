import { Badge, Code, Group, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/use-locale';
import type { ConversationStatus, RunLogItem, SessionInfo } from '../api/inbox-types';
import { failedOutcomeWord, fixedOutputLabel, stepLabel } from './runlog-labels';
import { clockTime } from '../../shared/clock-time';
import { failureCause } from '../../shared/step-failure';

/**
 * A translated word when there is one: the engine's own outcomes from the locale files, then the
 * output's label from the flow version that ran the step (a button, a branch, a path), then a
 * step's fixed outputs from its definition; otherwise the id as stored.
 */
function useLabel() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  return (group: 'outcomes' | 'sessionStatus', value: string, item?: RunLogItem) => {
    // An HTTP call's or an AI step's outcome names its cause (http_timeout, ai_status…): the label says
    // it failed, the line says why.
    const key = `inbox.side.${group}.${group === 'outcomes' ? failedOutcomeWord(value, item?.nodeType) : value}`;
    if (i18n.exists(key)) return (t as (k: string) => string)(key);
    return item?.outcomeLabel?.[locale] ?? (item ? fixedOutputLabel(item.nodeType, value, locale) : undefined) ?? value;
  };
}

/**
 * What the bot collected (its variables) and what it did (the run log, newest last). While a person
 * has the chat (waiting or taken) the bot is paused, whatever its last run did, as the banner says.
 */
export function BotCard({ session, runlog, conversationStatus }: { session: SessionInfo | null; runlog: RunLogItem[]; conversationStatus: ConversationStatus }) {
  const { t, i18n } = useTranslation();
  const label = useLabel();
  const locale = useLocale();
  const vars = Object.entries(session?.vars ?? {});
  const time = (iso: string) => clockTime(i18n.language, iso, { second: '2-digit' });
  const paused = conversationStatus === 'waiting' || conversationStatus === 'human';
  const state = paused ? 'paused' : session && session.status !== 'none' ? session.status : null;
  return (
    <Paper withBorder p="sm" radius="md">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={6}>{t('inbox.side.bot')}</Title>
          {state && <Badge size="xs" variant="light" color={paused ? 'orange' : undefined} data-testid="bot-state">{label('sessionStatus', state)}</Badge>}
        </Group>
        <Text size="xs" fw={600} c="dimmed">{t('inbox.side.variables')}</Text>
        {vars.length === 0 ? (
          <Text size="xs" c="dimmed">{t('inbox.side.noVariables')}</Text>
        ) : (
          <Table fz="xs" verticalSpacing={2} data-testid="bot-vars">
            <Table.Tbody>
              {vars.map(([k, v]) => (
                <Table.Tr key={k}>
                  <Table.Td><Code fz={11}>{k}</Code></Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{typeof v === 'string' ? v : JSON.stringify(v)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Text size="xs" fw={600} c="dimmed">{t('inbox.side.runlog')}</Text>
        {runlog.length === 0 ? (
          <Text size="xs" c="dimmed">{t('inbox.side.noRunlog')}</Text>
        ) : (
          <ScrollArea.Autosize mah={240} data-testid="runlog">
            <Stack gap={2}>
              {runlog.map((r, i) => (
                <Group key={`${r.at}-${i}`} gap={6} wrap="nowrap" align="flex-start">
                  <Text size="xs" c="dimmed" ff="monospace">{time(r.at)}</Text>
                  <Text size="xs" style={{ flex: 1 }}>
                    <Text span fw={600} size="xs" title={r.nodeName ? stepLabel(r.nodeType, locale) : undefined}>{r.nodeName ?? stepLabel(r.nodeType, locale)}</Text> · {label('outcomes', r.outcome, r)}
                    {r.error && r.outcome !== 'no_edge' && <Text span c="red" size="xs"> — {failureCause(r, t) ?? r.error}</Text>}
                  </Text>
                </Group>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Stack>
    </Paper>
  );
}
