import { Badge, Button, Group, Paper, Stack, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inboxApi } from '../api/inbox-api';
import { peopleApi } from '../api/people-api';
import type { ContactSummary } from '../api/inbox-types';
import { formatPhone } from '../../shared/format-phone';
import { useInbox } from '../store/inbox-store';
import { refreshConversation } from '../sync/list-loader';
import { canSee } from '../../auth/roles';
import { useAuthStore } from '../../auth/auth-store';
import { ConsentButton } from '../../contacts/ConsentButton';

/** Contact details and tags, editable in place (saved with PATCH /v1/contacts/{id}) by the roles that edit
 * contacts, who can also opt the contact out of marketing by hand, or back in; agents read them (API.md:
 * agents have contacts read), can record an opt-out from the chat, and see one as soon as it happens
 * (contact.updated). Also the channel the chat is on. */
export function ContactCard({ conversationId, channelId, contact }: { conversationId: string; channelId: string; contact: ContactSummary }) {
  const { t } = useTranslation();
  const channel = useInbox((s) => s.channels.find((c) => c.id === channelId));
  const [name, setName] = useState(contact.name ?? '');
  const [tags, setTags] = useState(contact.tags);
  const [saving, setSaving] = useState(false);
  const editable = canSee('contacts', useAuthStore((s) => s.role));
  // Read-only for roles that only read contacts (agents): plain text, not a field that ignores typing.
  const shownAs = editable ? 'default' : 'unstyled';
  const dirty = name.trim() !== (contact.name ?? '') || tags.join('\u0000') !== contact.tags.join('\u0000');
  const save = async () => {
    setSaving(true);
    try {
      await peopleApi.updateContact(contact.id, { name: name.trim(), tags });
      await refreshConversation(conversationId);
      notifications.show({ color: 'teal', message: t('inbox.side.contactSaved') });
    } catch {
      notifications.show({ color: 'red', message: t('inbox.side.contactSaveFailed') });
    } finally {
      setSaving(false);
    }
  };
  const attributes = Object.entries(contact.attributes ?? {});
  return (
    <Paper withBorder p="sm" radius="md">
      <Stack gap="xs">
        <Title order={6}>{t('inbox.side.contact')}</Title>
        {/* Read-only and empty, a borderless field looks like nothing loaded: a dash says there is nothing. */}
        <TextInput size="xs" label={t('inbox.side.name')} value={editable ? name : name || '—'} readOnly={!editable} variant={shownAs} onChange={(e) => setName(e.currentTarget.value)} data-testid="contact-name" />
        {contact.phone && (
          <Text size="xs"><Text span c="dimmed" size="xs">{t('inbox.side.phone')}: </Text>{formatPhone(contact.phone)}</Text>
        )}
        {channel && (
          <Text size="xs" data-testid="contact-channel"><Text span c="dimmed" size="xs">{t('inbox.side.channel')}: </Text>{channel.name}</Text>
        )}
        {/* Campaigns reach phones only: a web-chat visitor with no number has no marketing to leave. */}
        {(contact.phone || contact.optedOut) && <Group gap="xs" justify="space-between" data-testid="contact-consent">
          {contact.optedOut ? <Badge color="red" variant="light" size="sm" data-testid="contact-opted-out">{t('inbox.side.optedOut')}</Badge> : <span />}
          {/* Everyone in the inbox records an opt-out the customer asked for in their own words; only
              the roles that manage contacts opt someone back in (that records consent). */}
          {(editable || !contact.optedOut) && (
            <ConsentButton size="compact-xs" contact={contact} askBeforeOptOut={!editable} onChange={async (optedOut) => {
              await (editable ? peopleApi.updateContact(contact.id, { optedOut }) : inboxApi.optOut(conversationId));
              await refreshConversation(conversationId);
            }} />
          )}
        </Group>}
        <TagsInput size="xs" label={t('inbox.side.tags')} value={tags} readOnly={!editable} variant={shownAs} onChange={setTags} placeholder={editable ? t('inbox.side.addTag') : tags.length === 0 ? '—' : undefined} data-testid="contact-tags" />
        {attributes.length > 0 && (
          <Stack gap={2}>
            {attributes.map(([k, v]) => (
              <Text key={k} size="xs"><Text span c="dimmed" size="xs">{k}: </Text>{String(v)}</Text>
            ))}
          </Stack>
        )}
        {editable && dirty && (
          <Group justify="flex-end">
            <Button size="compact-xs" variant="subtle" color="gray" onClick={() => { setName(contact.name ?? ''); setTags(contact.tags); }}>{t('inbox.actions.cancel')}</Button>
            <Button size="compact-xs" loading={saving} onClick={() => void save()} data-testid="contact-save">{t('inbox.side.save')}</Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
