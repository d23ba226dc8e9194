import { Button, FileButton, Group, Modal, SegmentedControl, Select, Stack, Stepper, TagsInput, Text } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TIME_ZONE_IDS, timeZoneLabel } from '@zyntra/flows-schema';
import { useLocale } from '../i18n/use-locale';
import { notifyFailure } from '../flows-list/notify';
import { ApiError } from '../api/errors';
import { type Campaign, type CreateCampaignBody, campaignsApi } from './campaigns-api';
import { AudienceCountLine } from './AudienceCountLine';
import { useAudienceCount } from './use-audience-count';
import { phonesFromCsv, zonedToIso } from './schedule';
import { importPeople } from './import-people';
import { readCsvFile } from '../shared/read-csv-file';
import { localDay } from '../shared/local-day';
import { DateField } from '../shared/DateField';
import { TimeField } from '../shared/TimeField';
import { SendingHoursFields } from './SendingHoursFields';
import { useBelow } from '../shared/use-below';
import { hoursShape } from './sending-hours';
import { type CampaignFieldErrors, type FieldMessage, campaignFieldErrors } from './campaign-field-errors';
import { useWizardOptions } from './use-wizard-options';
import { type TemplateValues, fitValues, noValues, parametersOf, suggestedValues, valuesComplete } from '../templates/template-values';
import { approvedOf, bodyOf, componentsOf, type TypedTemplate } from './template-choice';
import { MessageStep } from './MessageStep';
import { ParametersStep } from './ParametersStep';
import { campaignErrorText } from './campaign-errors';
import { useSavedFilters } from '../contacts/use-saved-filters';
import { useTags } from '../contacts/use-tags';

const STEPS = ['campaigns.wizard.stepMessage', 'campaigns.wizard.stepParameters', 'campaigns.wizard.stepAudience', 'campaigns.wizard.stepSchedule'] as const;

type Props = { opened: boolean; onClose(): void; onCreated(c: Campaign): void };

export function CampaignWizard({ opened, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const phone = useBelow('xs');
  const label = (i: number) => (phone ? undefined : t(STEPS[i]!));
  const locale = useLocale();
  const [step, setStep] = useState(0);
  const [name, setName] = useState('');
  const [channelId, setChannelId] = useState<string | null>(null);
  const [tpl, setTpl] = useState<TypedTemplate>({ name: '', language: 'pt_BR', text: '' });
  const [values, setValues] = useState<TemplateValues>(noValues);
  const [audienceMode, setAudienceMode] = useState<'tags' | 'filter' | 'csv'>('tags');
  const [filterId, setFilterId] = useState<string | null>(null);
  const savedFilters = useSavedFilters(opened);
  const knownTags = useTags(opened);
  const [tags, setTags] = useState<string[]>([]);
  const [csv, setCsv] = useState<{ text: string; phones: string[]; rejected: number[]; details: boolean } | null>(null);
  const [notCsv, setNotCsv] = useState<string | null>(null);
  const chooseCsv = async (file: File) => {
    const text = await readCsvFile(file);
    setNotCsv(text === null ? file.name : null);
    setCsv(text === null ? null : { text, ...phonesFromCsv(text) });
  };
  // What the audience step chose, once it names anyone: counted live, then sent as the campaign's audience.
  const chosen: CreateCampaignBody['audience'] | null =
    audienceMode === 'tags' ? (tags.length ? { tags } : null) : audienceMode === 'filter' ? (filterId ? { filterId } : null) : csv?.phones.length ? { phones: csv.phones } : null;
  const [when, setWhen] = useState<'now' | 'later'>('now');
  const [at, setAt] = useState('');
  const [timeZone, setTimeZone] = useState('America/Sao_Paulo');
  const [window, setWindow] = useState({ start: '09:00', end: '20:00' });
  const [flowId, setFlowId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<CampaignFieldErrors>({});
  const fieldText = (m: FieldMessage | undefined) => (m ? t(m.key as never, m.values ?? {}) : undefined);
  const { channels, noChannel, flows, templates } = useWizardOptions(opened, channelId);
  // Most workspaces have one WhatsApp number: there is nothing to choose, so it is chosen.
  const only = channels.length === 1 ? channels[0]!.id : null;
  useEffect(() => {
    if (only) setChannelId((id) => id ?? only);
  }, [only]);

  // The approved template's body is what WhatsApp sends; a template typed by hand is known by what was typed.
  const approved = approvedOf(templates, tpl);
  const text = bodyOf(approved, tpl);
  const components = componentsOf(approved, text);
  // Sized to the template as it is now (its name or body may have changed since the values were typed).
  const fitted = fitValues(components, values);
  const parameters = parametersOf(components, fitted);
  const template: CreateCampaignBody['template'] = { name: tpl.name, language: tpl.language, parameters, ...(text ? { text } : {}) };
  // With the template, the count leaves out whom it would reach with an empty value.
  const audienceCount = useAudienceCount(channelId, opened && step === 2 ? chosen : null, tpl.name ? template : undefined);
  const chooseTemplate = (next: TypedTemplate) => {
    const now = approvedOf(templates, next);
    const shape = componentsOf(now, bodyOf(now, next));
    // Another approved template starts from its own suggestions; an edit keeps what was typed.
    setValues((v) => (now && now !== approved ? suggestedValues(shape) : fitValues(shape, v)));
    setTpl(next);
  };
  // A time already gone would start the campaign at once, not when the marketer meant.
  const past = when === 'later' && at !== '' && Date.parse(zonedToIso(at, timeZone)) <= Date.now();
  const valid = [
    name.trim() !== '' && channelId !== null && /^[a-z0-9_]+$/.test(tpl.name) && tpl.language !== '',
    valuesComplete(components, fitted),
    chosen !== null,
    (when === 'now' || (at !== '' && !past)) && hoursShape(window) !== 'same',
  ];

  const submit = async () => {
    setBusy(true);
    try {
      if (audienceMode === 'csv' && csv?.details) {
        const saved = await importPeople(csv.text, channelId!).catch(() => false);
        if (!saved) {
          notifyFailure(t('campaigns.wizard.csvDetailsFailed'));
          return;
        }
      }
      const created = await campaignsApi.create({
        name: name.trim(), channelId: channelId!, flowId: flowId ?? undefined, timeZone, window,
        template,
        audience: chosen!,
        ...(when === 'later' ? { scheduledAt: zonedToIso(at, timeZone) } : {}),
      });
      onCreated(created);
    } catch (err) {
      // A field the server refused (a name too long, hours that start and end together) is said at that field.
      const fields = campaignFieldErrors(err);
      if (fields.name || fields.windowEnd) {
        setFieldErrors(fields);
        setStep(fields.name ? 0 : 3);
        return;
      }
      // Numbers that look like phones but cannot be one (checked on the server with the workspace's country).
      const { invalidPhones, invalidCount } = err instanceof ApiError ? err.details : {};
      if (Array.isArray(invalidPhones)) notifyFailure(t('campaigns.wizard.invalidPhones', { count: Number(invalidCount ?? invalidPhones.length), list: invalidPhones.slice(0, 5).join(', ') }));
      else notifyFailure(campaignErrorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('campaigns.wizard.title')} size="xl" fullScreen={phone} data-testid="campaign-wizard">
      {/* On a phone the four labels do not fit beside each other: numbered circles, and the current step named above them. */}
      {phone && <Text size="sm" fw={600} mb="xs" data-testid="wizard-step-name">{t('campaigns.wizard.stepOf', { n: step + 1, total: STEPS.length, name: t(STEPS[step]!) })}</Text>}
      <Stepper active={step} onStepClick={(s) => s < step && setStep(s)} size={phone ? 'xs' : 'sm'}>
        <Stepper.Step label={label(0)} aria-label={t(STEPS[0])}>
          <MessageStep name={name} onName={(v) => { setName(v); setFieldErrors((e) => ({ ...e, name: undefined })); }} nameError={fieldText(fieldErrors.name)} channels={channels} channelId={channelId} onChannel={setChannelId} noChannel={noChannel}
            templates={templates} tpl={tpl} onTemplate={chooseTemplate} approved={approved} text={text} />
        </Stepper.Step>
        <Stepper.Step label={label(1)} aria-label={t(STEPS[1])}>
          <ParametersStep active={opened && step === 1} channelId={channelId} language={tpl.language} noParameters={Object.keys(parameters).length === 0}
            components={components} values={fitted} onValues={setValues} />
        </Stepper.Step>
        <Stepper.Step label={label(2)} aria-label={t(STEPS[2])}>
          <Stack gap="sm" mt="md">
            <SegmentedControl
              value={audienceMode}
              onChange={(v) => setAudienceMode(v as 'tags' | 'filter' | 'csv')}
              data={[{ value: 'tags', label: t('campaigns.wizard.byTags') }, { value: 'filter', label: t('campaigns.wizard.byFilter') }, { value: 'csv', label: t('campaigns.wizard.byCsv') }]}
            />
            {audienceMode === 'tags' ? (
              <TagsInput label={t('campaigns.wizard.tags')} description={t('campaigns.wizard.tagsHint')} data={knownTags} limit={20} value={tags} onChange={setTags} comboboxProps={{ withinPortal: true }} data-testid="audience-tags" />
            ) : audienceMode === 'filter' ? (
              <Select
                label={t('campaigns.wizard.savedFilter')}
                description={t('campaigns.wizard.savedFilterHint')}
                data={savedFilters.map((f) => ({ value: f.id, label: f.name }))}
                value={filterId}
                onChange={setFilterId}
                nothingFoundMessage={t('campaigns.wizard.noSavedFilters')}
                data-testid="audience-filter"
              />
            ) : (
              <Group>
                <FileButton accept=".csv,.txt,text/csv,text/plain" onChange={(f) => void (f && chooseCsv(f))}>
                  {(props) => <Button {...props} variant="default" leftSection={<IconFileUpload size={18} />}>{t('campaigns.wizard.uploadCsv')}</Button>}
                </FileButton>
                {notCsv && <Text size="sm" c="red" data-testid="audience-not-csv">{t('contacts.notCsv', { name: notCsv })}</Text>}
                {csv && <Text size="sm">{t('campaigns.wizard.csvRead', { count: csv.phones.length })}, {t('campaigns.wizard.csvRejected', { count: csv.rejected.length })}{csv.rejected.length > 0 && ` (${t('campaigns.wizard.lines', { count: csv.rejected.length })} ${csv.rejected.slice(0, 10).join(', ')})`}</Text>}
                {csv?.details && <Text size="xs" c="dimmed" data-testid="csv-details-kept">{t('campaigns.wizard.csvDetailsKept')}</Text>}
              </Group>
            )}
            <AudienceCountLine count={audienceCount} />
            <Text size="xs" c="dimmed">{t('campaigns.wizard.frozenHint')}</Text>
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={label(3)} aria-label={t(STEPS[3])}>
          <Stack gap="sm" mt="md">
            <SegmentedControl value={when} onChange={(v) => setWhen(v as 'now' | 'later')} data={[{ value: 'now', label: t('campaigns.wizard.sendNow') }, { value: 'later', label: t('campaigns.wizard.schedule') }]} />
            {when === 'later' && (
              <Group grow align="flex-start">
                <DateField label={t('campaigns.wizard.when')} value={at.slice(0, 10)} onChange={(day) => setAt(`${day}T${at.slice(11) || '09:00'}`)} error={past ? t('campaigns.wizard.whenPast') : undefined} data-testid="wizard-when" />
                <TimeField label={t('campaigns.wizard.whenTime')} value={at.slice(11) || '09:00'} onChange={(time) => setAt(`${at.slice(0, 10) || localDay()}T${time}`)} data-testid="wizard-when-time" />
              </Group>
            )}
            <Select label={t('campaigns.wizard.timeZone')} data={TIME_ZONE_IDS.map((zone) => ({ value: zone, label: timeZoneLabel(zone, locale) }))} value={timeZone} onChange={(v) => v && setTimeZone(v)} />
            <SendingHoursFields value={window} onChange={(w) => { setWindow(w); setFieldErrors((e) => ({ ...e, windowEnd: undefined })); }} serverError={fieldErrors.windowEnd} />
            <Select label={t('campaigns.wizard.flow')} description={t('campaigns.wizard.flowHint')} placeholder={t('campaigns.wizard.noFlow')} clearable data={flows.map((f) => ({ value: f.id, label: f.name }))} value={flowId} onChange={setFlowId} />
          </Stack>
        </Stepper.Step>
      </Stepper>
      <Group justify="flex-end" mt="xl">
        {step > 0 && <Button variant="default" onClick={() => setStep(step - 1)}>{t('campaigns.wizard.back')}</Button>}
        {step < 3 ? (
          <Button onClick={() => setStep(step + 1)} disabled={!valid[step]} data-testid="wizard-next">{t('campaigns.wizard.next')}</Button>
        ) : (
          <Button onClick={() => void submit()} loading={busy} disabled={!valid.every(Boolean)} data-testid="wizard-create">{t('campaigns.wizard.create')}</Button>
        )}
      </Group>
    </Modal>
  );
}
