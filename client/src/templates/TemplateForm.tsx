import { Alert, Box, Button, Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { TEMPLATE_CATEGORIES, TEMPLATE_LIMITS as L, templateDefinition, variableCount } from '@zyntra/flows-schema';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevealError } from '../shared/reveal-error';
import { useBelow } from '../shared/use-below';
import { emptyDraft, fromComponents, toDefinition, type Draft } from './template-draft';
import { clearedBy, liveMessages, submitFeedback, type FieldKey, type FieldMessages, type FormError } from './template-fields';
import { TemplateButtonsField } from './TemplateButtonsField';
import { TemplatePreview } from './TemplatePreview';
import { languageName } from './language-name';
import { templatesApi, type Template } from './templates-api';

type Props = { channelId: string; opened: boolean; onClose(): void; onSaved(t: Template): void; /** Set: its parts are edited, its name and language fixed. */ editing?: Template | null };

/**
 * A new template, or new parts for one Meta refused or paused: fields on the left, checked live
 * against Meta's rules with each problem at its field (once that field was changed, or all of them
 * after a try to submit), and the WhatsApp preview on the right. The server's refusal of a field
 * stays there until that field changes.
 */
export function TemplateForm({ channelId, opened, onClose, onSaved, editing }: Props) {
  const { t, i18n } = useTranslation();
  const [d, setD] = useState<Draft>(() => (editing && fromComponents(editing)) || emptyDraft());
  const [touched, setTouched] = useState<ReadonlySet<FieldKey>>(new Set());
  const [server, setServer] = useState<FieldMessages>({});
  const [error, setError] = useState<FormError | null>(null);
  const [saving, setSaving] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const reveal = useRevealError(root);
  const phone = useBelow('xs');
  const definition = useMemo(() => toDefinition(d), [d]);
  const check = templateDefinition.safeParse(definition);
  const live = check.success ? {} : liveMessages(t, check.error.issues, definition.components);
  const vars = variableCount(d.body);

  const set = (patch: Partial<Draft>, field: FieldKey) => {
    setD((x) => ({ ...x, ...patch }));
    setTouched((s) => new Set(s).add(field));
    setServer((e) => clearedBy(field, e));
  };
  const changed = (field: FieldKey) => touched.has('*') || touched.has(field) || (field.startsWith('button') && touched.has('buttons'));
  const message = (field: FieldKey) => server[field] ?? (changed(field) ? live[field] : undefined);
  const fieldError = (field: FieldKey) => {
    const m = message(field);
    return m ? <span data-testid={`tpl-${field}-error`}>{m}</span> : undefined;
  };

  const save = () => editing
    ? templatesApi.edit(channelId, editing.id, { components: definition.components, ...(definition.category !== editing.category ? { category: definition.category } : {}) })
    : templatesApi.create(channelId, definition);
  const submit = async () => {
    setError(null);
    if (!check.success) {
      setTouched(new Set(['*']));
      reveal();
      return;
    }
    setSaving(true);
    try {
      onSaved(await save());
      setD(emptyDraft());
      setTouched(new Set());
      setServer({});
    } catch (err) {
      const feedback = submitFeedback(t, err, definition.components);
      setServer(feedback.fields);
      setError(feedback.form);
      reveal();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={editing ? t('templates.editTitle', { name: editing.name }) : t('templates.newTitle')} size="xl" fullScreen={phone} data-testid="tpl-form">
      <Group align="flex-start" gap="lg" wrap="wrap" ref={root}>
        <Box style={{ flex: '7 1 300px' }}>
          <Stack gap="sm">
            {editing && <Text size="sm" c="dimmed" data-testid="tpl-fixed">{t('templates.nameLanguageFixed')}</Text>}
            <TextInput label={t('templates.name')} description={editing ? undefined : t('templates.nameHelp')} value={d.name} maxLength={L.name} disabled={!!editing}
              onChange={(e) => set({ name: e.currentTarget.value }, 'name')} error={fieldError('name')} data-testid="tpl-name" />
            <Group grow align="flex-start">
              <Select label={t('templates.language')} data={[...new Set(['pt_BR', 'en_US', 'es', d.language])].map((code) => ({ value: code, label: languageName(code, i18n.language) }))} value={d.language} disabled={!!editing}
                onChange={(v) => set({ language: v ?? 'pt_BR' }, 'language')} error={fieldError('language')} data-testid="tpl-language" />
              <Select label={t('templates.category')} data={TEMPLATE_CATEGORIES.map((c) => ({ value: c, label: t(`templates.categories.${c}`) }))} value={d.category}
                onChange={(v) => set({ category: (v ?? 'UTILITY') as Draft['category'] }, 'category')} error={fieldError('category')} data-testid="tpl-category" />
            </Group>
            <TextInput label={t('templates.header')} value={d.headerText} maxLength={L.headerText} onChange={(e) => set({ headerText: e.currentTarget.value }, 'header')} error={fieldError('header')} data-testid="tpl-header" />
            {variableCount(d.headerText) > 0 && <TextInput size="xs" label={t('templates.example', { n: 1 })} value={d.headerExample} onChange={(e) => set({ headerExample: e.currentTarget.value }, 'headerExample')} error={fieldError('headerExample')} />}
            <Textarea label={t('templates.body')} description={t('templates.bodyHelp')} autosize minRows={3} value={d.body} maxLength={L.body} onChange={(e) => set({ body: e.currentTarget.value }, 'body')} error={fieldError('body')} data-testid="tpl-body" />
            {Array.from({ length: vars }, (_, i) => (
              <TextInput key={i} size="xs" label={t('templates.example', { n: i + 1 })} value={d.bodyExamples[i] ?? ''} error={fieldError(`example-${i + 1}`)} data-testid={`tpl-example-${i + 1}`}
                onChange={(e) => { const v = e.currentTarget.value; set({ bodyExamples: Array.from({ length: vars }, (_, j) => (j === i ? v : d.bodyExamples[j] ?? '')) }, `example-${i + 1}`); }} />
            ))}
            <TextInput label={t('templates.footer')} value={d.footer} maxLength={L.footer} onChange={(e) => set({ footer: e.currentTarget.value }, 'footer')} error={fieldError('footer')} data-testid="tpl-footer" />
            <TemplateButtonsField buttons={d.buttons} onChange={(buttons) => set({ buttons }, 'buttons')} error={fieldError} />
          </Stack>
        </Box>
        <Box style={{ flex: '5 1 260px' }}>
          <Stack gap="sm">
            <Text size="sm" fw={500}>{t('templates.preview')}</Text>
            <TemplatePreview components={definition.components} />
            {(error || message('form')) && (
              <Alert color="red" data-testid="tpl-error">
                {error?.text ?? message('form')}
                {error?.detail && <Text size="xs" c="dimmed" mt={4}>{error.detail}</Text>}
              </Alert>
            )}
            <Button onClick={() => void submit()} loading={saving} data-testid="tpl-submit">{editing ? t('templates.resubmit') : t('templates.submit')}</Button>
          </Stack>
        </Box>
      </Group>
    </Modal>
  );
}
