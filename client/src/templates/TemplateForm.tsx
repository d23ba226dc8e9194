import { ActionIcon, Alert, Box, Button, Group, List, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { TEMPLATE_CATEGORIES, TEMPLATE_LIMITS as L, templateDefinition, variableCount } from '@zyntra/flows-schema';
import { useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/error-text';
import { ApiError } from '../api/errors';
import { emptyDraft, toDefinition, type Draft } from './template-draft';
import { templateIssueTexts } from './template-issues';
import { TemplatePreview } from './TemplatePreview';
import { languageName } from './language-name';
import { templatesApi, type Template } from './templates-api';

type SubmitError = { text: string; detail?: string };

/** Why a submit failed, in the UI language; when WhatsApp refused the template, its own words follow. */
function submitError(t: TFunction, err: unknown): SubmitError {
  if (err instanceof ApiError && err.code === 'validation_failed' && err.details.providerCode !== undefined) return { text: t('templates.refused'), detail: err.message };
  return { text: errorText(t, err, { unavailable: 'templates.unreachable', conflict: 'templates.duplicate' }, 'templates.submitFailed') };
}

type Props = { channelId: string; opened: boolean; onClose(): void; onCreated(t: Template): void };

/** New template: fields on the left, checked live against Meta's rules, and the WhatsApp preview on the right. */
export function TemplateForm({ channelId, opened, onClose, onCreated }: Props) {
  const { t, i18n } = useTranslation();
  const [d, setD] = useState<Draft>(emptyDraft);
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<SubmitError | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<Draft>) => { setD((x) => ({ ...x, ...patch })); setTouched(true); };
  const definition = useMemo(() => toDefinition(d), [d]);
  const check = templateDefinition.safeParse(definition);
  const issues = check.success ? [] : templateIssueTexts(t, check.error.issues);
  const vars = variableCount(d.body);

  const submit = async () => {
    setSaving(true);
    setError(null);
    try {
      onCreated(await templatesApi.create(channelId, definition));
      setD(emptyDraft());
      setTouched(false);
    } catch (err) {
      setError(submitError(t, err));
    } finally {
      setSaving(false);
    }
  };
  const setButton = (i: number, patch: Partial<Draft['buttons'][number]>) => set({ buttons: d.buttons.map((b, j) => (j === i ? { ...b, ...patch } : b)) });

  return (
    <Modal opened={opened} onClose={onClose} title={t('templates.newTitle')} size="xl">
      <Group align="flex-start" gap="lg" wrap="wrap">
        <Box style={{ flex: '7 1 340px' }}>
          <Stack gap="sm">
            <Group grow>
              <TextInput label={t('templates.name')} description={t('templates.nameHelp')} value={d.name} maxLength={L.name} onChange={(e) => set({ name: e.currentTarget.value })} data-testid="tpl-name" />
            </Group>
            <Group grow>
              <Select label={t('templates.language')} data={['pt_BR', 'en_US', 'es'].map((code) => ({ value: code, label: languageName(code, i18n.language) }))} value={d.language} onChange={(v) => set({ language: v ?? 'pt_BR' })} allowDeselect={false} data-testid="tpl-language" />
              <Select label={t('templates.category')} data={TEMPLATE_CATEGORIES.map((c) => ({ value: c, label: t(`templates.categories.${c}`) }))} value={d.category} onChange={(v) => set({ category: (v ?? 'UTILITY') as Draft['category'] })} allowDeselect={false} data-testid="tpl-category" />
            </Group>
            <TextInput label={t('templates.header')} value={d.headerText} maxLength={L.headerText} onChange={(e) => set({ headerText: e.currentTarget.value })} data-testid="tpl-header" />
            {variableCount(d.headerText) > 0 && <TextInput size="xs" label={t('templates.example', { n: 1 })} value={d.headerExample} onChange={(e) => set({ headerExample: e.currentTarget.value })} />}
            <Textarea label={t('templates.body')} description={t('templates.bodyHelp')} autosize minRows={3} value={d.body} maxLength={L.body} onChange={(e) => set({ body: e.currentTarget.value })} data-testid="tpl-body" />
            {Array.from({ length: vars }, (_, i) => (
              <TextInput key={i} size="xs" label={t('templates.example', { n: i + 1 })} value={d.bodyExamples[i] ?? ''} data-testid={`tpl-example-${i + 1}`}
                onChange={(e) => { const v = e.currentTarget.value; set({ bodyExamples: Array.from({ length: vars }, (_, j) => (j === i ? v : d.bodyExamples[j] ?? '')) }); }} />
            ))}
            <TextInput label={t('templates.footer')} value={d.footer} maxLength={L.footer} onChange={(e) => set({ footer: e.currentTarget.value })} data-testid="tpl-footer" />
            <Stack gap={6}>
              <Text size="sm" fw={500}>{t('templates.buttons')}</Text>
              {d.buttons.map((b, i) => (
                <Group key={i} gap={6} align="flex-end" wrap="nowrap">
                  <Select size="xs" w={160} data={[{ value: 'QUICK_REPLY', label: t('templates.quickReply') }, { value: 'URL', label: t('templates.urlButton') }]} value={b.type} allowDeselect={false} onChange={(v) => setButton(i, { type: (v ?? 'QUICK_REPLY') as 'QUICK_REPLY' | 'URL' })} />
                  <TextInput size="xs" placeholder={t('templates.buttonText')} value={b.text} maxLength={L.buttonText} onChange={(e) => setButton(i, { text: e.currentTarget.value })} data-testid={`tpl-button-${i}`} style={{ flex: 1 }} />
                  {b.type === 'URL' && <TextInput size="xs" placeholder="https://…" value={b.url} onChange={(e) => setButton(i, { url: e.currentTarget.value })} style={{ flex: 1 }} />}
                  <ActionIcon variant="subtle" color="red" onClick={() => set({ buttons: d.buttons.filter((_, j) => j !== i) })} aria-label={t('templates.removeButton')}><IconTrash size={16} /></ActionIcon>
                </Group>
              ))}
              <Button size="xs" variant="subtle" w="fit-content" leftSection={<IconPlus size={14} />} disabled={d.buttons.length >= 10}
                onClick={() => set({ buttons: [...d.buttons, { type: 'QUICK_REPLY', text: '', url: '', example: '' }] })} data-testid="tpl-add-button">{t('templates.addButton')}</Button>
            </Stack>
          </Stack>
        </Box>
        <Box style={{ flex: '5 1 280px' }}>
          <Stack gap="sm">
            <Text size="sm" fw={500}>{t('templates.preview')}</Text>
            <TemplatePreview components={definition.components} />
            {touched && issues.length > 0 && (
              <Alert color="yellow" data-testid="tpl-issues">
                <List size="sm">{issues.map((m) => <List.Item key={m}>{m}</List.Item>)}</List>
              </Alert>
            )}
            {error && (
              <Alert color="red" data-testid="tpl-error">
                {error.text}
                {error.detail && <Text size="xs" c="dimmed" mt={4}>{error.detail}</Text>}
              </Alert>
            )}
            <Button onClick={() => void submit()} loading={saving} disabled={!check.success} data-testid="tpl-submit">{t('templates.submit')}</Button>
          </Stack>
        </Box>
      </Group>
    </Modal>
  );
}
