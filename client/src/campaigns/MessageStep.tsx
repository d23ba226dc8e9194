// The wizard's first step: the campaign's name, the WhatsApp number it goes out from and the template.
// An approved template's text is shown as WhatsApp will send it, read-only: only its variables are
// filled in (next step). A template typed by hand (made in Meta's tools, not synced) keeps its text editable.
import { Alert, Button, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconAlertTriangle, IconLock } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CAMPAIGN_LIMITS } from '@zyntra/flows-schema';
import { languageName } from '../templates/language-name';
import type { Channel } from '../settings/channels/channels-api';
import type { ChannelTemplate } from './campaigns-api';
import { languageCodes, type TypedTemplate } from './template-choice';

type Props = {
  name: string; onName(v: string): void; nameError?: string;
  channels: Channel[]; channelId: string | null; onChannel(id: string | null): void; noChannel: boolean;
  templates: ChannelTemplate[]; tpl: TypedTemplate; onTemplate(t: TypedTemplate): void;
  approved: ChannelTemplate | undefined; text: string;
};

export function MessageStep({ name, onName, nameError, channels, channelId, onChannel, noChannel, templates, tpl, onTemplate, approved, text }: Props) {
  const { t, i18n } = useTranslation();
  const gateway = channels.find((c) => c.id === channelId)?.type === 'evolution';
  const language = (code: string) => languageName(code, i18n.language);
  return (
    <Stack gap="sm" mt="md">
      <TextInput label={t('campaigns.wizard.name')} value={name} onChange={(e) => onName(e.currentTarget.value)} name="campaign-name" required
        maxLength={CAMPAIGN_LIMITS.name} error={nameError} />
      <Select label={t('campaigns.wizard.channel')} data={channels.map((c) => ({ value: c.id, label: c.name }))} value={channelId} onChange={onChannel} data-testid="campaign-channel" required />
      {noChannel && (
        <Alert color="yellow" data-testid="campaign-no-channel">
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{t('campaigns.wizard.noChannel')}</Text>
            <Button component={Link} to="/settings?tab=channels" size="xs">{t('templates.addChannel')}</Button>
          </Stack>
        </Alert>
      )}
      {gateway && (
        <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t('campaigns.gatewayWarningTitle')} data-testid="gateway-warning">
          {t('campaigns.gatewayWarning')}
        </Alert>
      )}
      {templates.length > 0 && (
        <Select label={t('campaigns.wizard.approvedTemplate')} data={templates.map((x) => ({ value: `${x.name}:${x.language}`, label: `${x.name} · ${language(x.language)}` }))}
          value={approved ? `${approved.name}:${approved.language}` : null} data-testid="campaign-template"
          onChange={(key) => {
            const found = templates.find((x) => `${x.name}:${x.language}` === key);
            if (found) onTemplate({ name: found.name, language: found.language, text: found.components?.find((c) => c.type === 'BODY')?.text ?? '' });
          }} />
      )}
      {/* Side by side from a small tablet up; on a phone the language's name would be cut short. The
          name's hint may take two lines: the two fields line up by their inputs, not their labels. */}
      <SimpleGrid cols={{ base: 1, xs: 2 }} style={{ alignItems: 'end' }}>
        <TextInput label={t('campaigns.wizard.templateName')} description={t('campaigns.wizard.templateNameHint')} value={tpl.name} onChange={(e) => onTemplate({ ...tpl, name: e.currentTarget.value.trim() })} name="template-name" />
        <Select label={t('campaigns.wizard.language')} data={languageCodes(templates, tpl.language).map((code) => ({ value: code, label: language(code) }))}
          value={tpl.language} onChange={(v) => v && onTemplate({ ...tpl, language: v })} name="template-language" data-testid="template-language" />
      </SimpleGrid>
      {tpl.name && !approved && (
        <Alert color="yellow" icon={<IconAlertTriangle size={18} />} data-testid="template-unknown">{t('campaigns.wizard.templateUnknown')}</Alert>
      )}
      {approved ? (
        <Textarea label={t('campaigns.wizard.approvedBody')} description={t('campaigns.wizard.approvedBodyHint')} autosize minRows={2} value={text} readOnly variant="filled"
          rightSection={<IconLock size={16} aria-hidden />} name="template-text" data-testid="template-text-fixed" />
      ) : (
        <Textarea label={t('campaigns.wizard.body')} description={t('campaigns.wizard.bodyHint')} autosize minRows={2} value={tpl.text} name="template-text"
          onChange={(e) => onTemplate({ ...tpl, text: e.currentTarget.value })} />
      )}
    </Stack>
  );
}
