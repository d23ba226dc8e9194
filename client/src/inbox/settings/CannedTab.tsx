// Settings → Canned responses: `/shortcut` → text, with {{contact.name}}-style placeholders.
import { ActionIcon, Alert, Button, Code, Group, Paper, Skeleton, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { peopleApi } from '../api/people-api';
import type { CannedResponse } from '../api/inbox-types';
import { forgetCannedResponses } from '../composer/use-canned';
import { CANNED_PLACEHOLDERS, unknownPlaceholders } from '../store/thread-ops';
import { errorText } from '../../api/error-text';

type Draft = { id: string | null; shortcut: string; text: string };

function CannedForm({ draft, onDone }: { draft: Draft; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState(draft);
  const [saving, setSaving] = useState(false);
  const shortcut = form.shortcut.trim().replace(/^\//, '');
  // A placeholder the composer does not fill ({{nome}}) is left for the agent to type over in every
  // reply: right for a blank such as a price, a slip when the customer's name was meant.
  const unknown = unknownPlaceholders(form.text);
  const valid = /^[\p{L}\p{N}_-]{1,32}$/u.test(shortcut) && form.text.trim().length > 0;
  const save = async () => {
    setSaving(true);
    try {
      const body = { shortcut, text: form.text.trim() };
      await (form.id ? peopleApi.updateCanned(form.id, body) : peopleApi.createCanned(body));
      forgetCannedResponses();
      onDone(true);
    } catch (err) {
      notifications.show({ color: 'red', message: errorText(t, err, {}, 'canned.saveFailed') });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <TextInput label={t('canned.shortcut')} description={t('canned.shortcutHint')} leftSection="/" value={form.shortcut} onChange={(e) => setForm({ ...form, shortcut: e.currentTarget.value })} error={form.shortcut && !/^\/?[\p{L}\p{N}_-]{1,32}$/u.test(form.shortcut.trim()) ? t('canned.shortcutInvalid') : null} data-testid="canned-shortcut" />
        <Textarea label={t('canned.text')} description={t('canned.textHint', { name: '{{contact.name}}', agent: '{{agent.name}}', fallback: `{{contact.name | "${t('canned.fallbackWord')}"}}` })} autosize minRows={3} value={form.text} onChange={(e) => setForm({ ...form, text: e.currentTarget.value })} data-testid="canned-text" />
        {unknown.length > 0 && (
          <Text size="xs" c="orange.8" data-testid="canned-unknown-placeholder">
            {t('canned.unknownPlaceholder', { names: unknown.map((n) => `{{${n}}}`).join(', '), known: CANNED_PLACEHOLDERS.map((n) => `{{${n}}}`).join(', '), count: unknown.length })}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone(false)}>{t('inbox.actions.cancel')}</Button>
          <Button onClick={() => void save()} loading={saving} disabled={!valid} data-testid="canned-save">{t('canned.save')}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export function CannedTab() {
  const { t } = useTranslation();
  const [items, setItems] = useState<CannedResponse[] | null>(null);
  const [error, setError] = useState(false);
  const [draft, setDraft] = useState<Draft | null>(null);
  const load = useCallback(() => void peopleApi.canned().then(setItems, () => setError(true)), []);
  useEffect(load, [load]);
  const remove = (c: CannedResponse) =>
    modals.openConfirmModal({
      title: t('canned.deleteTitle'),
      children: <Text size="sm">{t('canned.deleteBody', { shortcut: `/${c.shortcut}` })}</Text>,
      labels: { confirm: t('canned.delete'), cancel: t('inbox.actions.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => void peopleApi.deleteCanned(c.id).then(() => { forgetCannedResponses(); load(); }, () => notifications.show({ color: 'red', message: t('canned.saveFailed') })),
    });
  if (error) return <Alert color="red">{t('canned.loadError')}</Alert>;
  if (!items) return <Skeleton h={160} radius="md" />;
  return (
    <Stack gap="md" maw={820}>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">{t('canned.intro')}</Text>
        {!draft && <Button leftSection={<IconPlus size={16} />} onClick={() => setDraft({ id: null, shortcut: '', text: '' })} data-testid="canned-add">{t('canned.add')}</Button>}
      </Group>
      {draft && <CannedForm draft={draft} onDone={(saved) => { setDraft(null); if (saved) load(); }} />}
      {items.length === 0 && !draft && <Paper withBorder p="lg" radius="md"><Text c="dimmed" size="sm">{t('canned.empty')}</Text></Paper>}
      {items.map((c) => (
        <Paper key={c.id} withBorder p="sm" radius="md" data-testid={`canned-row-${c.shortcut}`}>
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <div style={{ minWidth: 0 }}>
              <Code>/{c.shortcut}</Code>
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>{c.text}</Text>
            </div>
            <Group gap={4} wrap="nowrap">
              <ActionIcon variant="subtle" onClick={() => setDraft({ id: c.id, shortcut: c.shortcut, text: c.text })} aria-label={t('canned.edit')}><IconPencil size={16} /></ActionIcon>
              <ActionIcon variant="subtle" color="red" onClick={() => remove(c)} aria-label={t('canned.delete')}><IconTrash size={16} /></ActionIcon>
            </Group>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
