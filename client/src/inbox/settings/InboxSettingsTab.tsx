// Settings → Inbox: automatic assignment, the per-agent cap, and what happens when nobody takes a
// transferred chat in time (a message to the customer, optionally back to a flow), and the
// satisfaction survey sent when a person closes a chat.
import { Alert, Button, Group, NumberInput, Paper, Select, Skeleton, Stack, Switch, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { flowsApi, type FlowSummary } from '../../flows-list/flows-api';
import { peopleApi } from '../api/people-api';
import type { InboxSettings } from '../api/inbox-types';

export function InboxSettingsTab() {
  const { t } = useTranslation();
  const [form, setForm] = useState<InboxSettings | null>(null);
  const [flows, setFlows] = useState<FlowSummary[]>([]);
  const [error, setError] = useState(false);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    peopleApi.inboxSettings().then(setForm, () => setError(true));
    flowsApi.list().then((f) => setFlows(f.filter((x) => x.publishedVersion !== null)), () => undefined);
  }, []);
  const nothingToDo = form !== null && form.noAgentTimeoutMinutes !== null && !form.noAgentMessage.trim() && !form.noAgentFlowId;
  const save = async () => {
    if (!form) return;
    if (nothingToDo) return notifications.show({ color: 'red', message: t('inboxSettings.nothingToDo') });
    setSaving(true);
    try {
      setForm(await peopleApi.saveInboxSettings(form));
      notifications.show({ color: 'teal', message: t('inboxSettings.saved') });
    } catch {
      notifications.show({ color: 'red', message: t('inboxSettings.saveFailed') });
    } finally {
      setSaving(false);
    }
  };
  if (error) return <Alert color="red">{t('inboxSettings.loadError')}</Alert>;
  if (!form) return <Skeleton h={260} maw={620} radius="md" />;
  const timeoutOn = form.noAgentTimeoutMinutes !== null;
  return (
    <Paper withBorder p="lg" radius="md" maw={620}>
      <Stack gap="md">
        <Switch label={t('inboxSettings.autoAssign')} description={t('inboxSettings.autoAssignHint')} checked={form.autoAssign} onChange={(e) => setForm({ ...form, autoAssign: e.currentTarget.checked })} data-testid="auto-assign" />
        <NumberInput label={t('inboxSettings.maxOpen')} description={t('inboxSettings.maxOpenHint')} min={1} max={500} value={form.maxOpenPerAgent} onChange={(v) => setForm({ ...form, maxOpenPerAgent: Number(v) || 1 })} w="100%" maw={360} data-testid="max-open" />
        <Switch label={t('inboxSettings.timeout')} description={t('inboxSettings.timeoutHint')} checked={timeoutOn} onChange={(e) => setForm({ ...form, noAgentTimeoutMinutes: e.currentTarget.checked ? 10 : null })} data-testid="timeout-on" />
        {timeoutOn && (
          <>
            <NumberInput label={t('inboxSettings.timeoutMinutes')} min={1} max={1440} value={form.noAgentTimeoutMinutes ?? 10} onChange={(v) => setForm({ ...form, noAgentTimeoutMinutes: Number(v) || 1 })} w="100%" maw={360} data-testid="timeout-minutes" />
            <Textarea label={t('inboxSettings.message')} description={t('inboxSettings.messageHint')} autosize minRows={2} value={form.noAgentMessage} onChange={(e) => setForm({ ...form, noAgentMessage: e.currentTarget.value })} error={nothingToDo ? t('inboxSettings.nothingToDo') : undefined} data-testid="timeout-message" />
            <Select label={t('inboxSettings.flow')} description={t('inboxSettings.flowHint')} clearable placeholder={t('inboxSettings.noFlow')} data={flows.map((f) => ({ value: f.id, label: f.name }))} value={form.noAgentFlowId} onChange={(noAgentFlowId) => setForm({ ...form, noAgentFlowId })} />
          </>
        )}
        <Switch label={t('inboxSettings.survey')} description={t('inboxSettings.surveyHint')} checked={form.satisfactionSurvey} onChange={(e) => setForm({ ...form, satisfactionSurvey: e.currentTarget.checked })} data-testid="satisfaction-survey" />
        <Group justify="flex-end">
          <Text size="xs" c="dimmed" style={{ flex: 1 }}>{t('inboxSettings.footer')}</Text>
          <Button onClick={() => void save()} loading={saving} data-testid="inbox-settings-save">{t('inboxSettings.save')}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}
