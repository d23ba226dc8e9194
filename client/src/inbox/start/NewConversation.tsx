// "New conversation": an agent writes first to a customer (a call back, a follow-up on an order) on a
// WhatsApp number: an approved template, or a text where the customer's 24-hour window is still open
// (gateway numbers have none). The server puts it in the customer's own thread and the agent holds
// it; the inbox then opens that conversation.
import { Alert, Button, Center, CloseButton, Group, Input, Loader, Modal, SegmentedControl, Select, Stack, Text, TextInput, Textarea, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMessagePlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuthStore } from '../../auth/auth-store';
import { isAdmin } from '../../auth/roles';
import { contactsApi, type Contact } from '../../contacts/contacts-api';
import { channelsApi } from '../../settings/channels/channels-api';
import type { InboxChannel } from '../api/inbox-types';
import { inboxApi } from '../api/inbox-api';
import { formatPhone } from '../../shared/format-phone';
import { contactLabel } from '../format';
import { TemplateForm, newIdempotencyKey, type TemplateBody } from '../composer/TemplateForm';
import { inboxStore, useInbox } from '../store/inbox-store';
import classes from './start.module.css';
import { startErrorText } from './start-errors';
import { useContactMatches } from './use-contact-matches';

const WHATSAPP = ['whatsapp_cloud', 'evolution'];

/** What the preview fills placeholders with: the picked contact's fields, else the number typed. */
function varsOf(picked: Contact | null, phone: string): Record<string, string> {
  if (!picked) return phone.trim() ? { 'contact.phone': phone.trim() } : {};
  const v: Record<string, string> = {};
  for (const [k, val] of Object.entries(picked.attributes ?? {})) v[k] = String(val);
  if (picked.name) v['contact.name'] = picked.name;
  if (picked.phone) v['contact.phone'] = picked.phone;
  return v;
}

/** The workspace's WhatsApp channels: the inbox's list when it has been read, else read now (null while reading). */
function useWhatsAppChannels(): InboxChannel[] | null {
  const known = useInbox((s) => s.channels);
  const [read, setRead] = useState<InboxChannel[] | null>(null);
  useEffect(() => {
    if (known.length) return;
    channelsApi.list().then((r) => setRead(r.items.map(({ id, type, name }) => ({ id, type, name }))), () => setRead([]));
  }, [known.length]);
  const all = known.length ? known : read;
  return all ? all.filter((c) => WHATSAPP.includes(c.type)) : null;
}

/** A contact named by a link (the contacts page's "Write"), read once. */
function useLinkedContact(contactId: string | undefined): Contact | null {
  const [contact, setContact] = useState<Contact | null>(null);
  useEffect(() => {
    if (!contactId) return;
    const abort = new AbortController();
    contactsApi.get(contactId, abort.signal).then(setContact, () => undefined);
    return () => abort.abort();
  }, [contactId]);
  return contact;
}

function StartDialog({ contactId, onClose, onOpen }: { contactId?: string; onClose: () => void; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const role = useAuthStore((s) => s.role);
  const channels = useWhatsAppChannels();
  const [chosen, setChannelId] = useState<string | null>(null);
  const channelId = chosen ?? channels?.[0]?.id ?? null;
  const channel = channels?.find((c) => c.id === channelId) ?? null;
  const official = channel?.type === 'whatsapp_cloud';
  const [kind, setKind] = useState<'template' | 'text'>('template');
  const [phone, setPhone] = useState('');
  const [picked, setPicked] = useState<Contact | null>(null);
  const matches = useContactMatches(channel?.id ?? null, picked ? '' : phone);
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [key] = useState(newIdempotencyKey);

  // The linked contact is picked, on its own channel, once both it and the channels are read (and only once).
  const linked = useLinkedContact(contactId);
  const [linkApplied, setLinkApplied] = useState(false);
  useEffect(() => {
    if (linkApplied || !linked || !channels) return;
    setLinkApplied(true);
    if (!channels.some((x) => x.id === linked.channelId)) return;
    setChannelId(linked.channelId);
    setPicked(linked);
  }, [linked, channels, linkApplied]);

  if (!channels) return <Center py="lg"><Loader size="sm" /></Center>;
  // Only admins reach Settings → Channels: an agent is told whom to ask.
  if (!channel) return <Alert color="gray" data-testid="start-no-channel">{t(isAdmin(role) ? 'inbox.start.noChannel' : 'inbox.start.noChannelAsk')}</Alert>;

  const start = async (body: TemplateBody | { text: string }) => {
    const to = picked ? { contactId: picked.id } : { phone: phone.trim() };
    const res = await inboxApi.start({ channelId: channel.id, ...to, ...body }, key);
    notifications.show({ color: 'teal', message: t('inbox.start.sent') });
    onClose();
    // The chat is the agent's now: "Mine" (unfiltered) is where the list shows it.
    inboxStore.getState().setFilter({ folder: 'mine', channelId: null, teamId: null, tag: null, q: '' });
    onOpen(res.conversationId);
  };
  const sendText = async () => {
    setSending(true);
    setError(null);
    try {
      await start({ text: text.trim() });
    } catch (err) {
      setError(startErrorText(t, err));
    } finally {
      setSending(false);
    }
  };
  const byTemplate = official && kind === 'template';

  return (
    <Stack gap="sm" data-testid="start-dialog">
      <Text size="sm" c="dimmed">{t('inbox.start.intro')}</Text>
      <Group grow align="flex-start">
        {channels.length > 1 && (
          <Select label={t('inbox.start.channel')} data={channels.map((c) => ({ value: c.id, label: c.name }))} value={channelId} onChange={(id) => { setChannelId(id); setPicked(null); }}
            comboboxProps={{ withinPortal: false }} data-testid="start-channel" />
        )}
        {picked ? (
          <Stack gap={4}>
            <Input.Label>{t('inbox.start.customer')}</Input.Label>
            <Group justify="space-between" wrap="nowrap" className={classes.picked} data-testid="start-picked">
              <Text size="sm" truncate>{contactLabel(picked, (ref) => t('inbox.unnamedContact', { ref }))}{picked.phone && picked.name ? ` · ${formatPhone(picked.phone)}` : ''}</Text>
              <CloseButton size="sm" aria-label={t('inbox.start.change')} onClick={() => setPicked(null)} />
            </Group>
          </Stack>
        ) : (
          <TextInput label={t('inbox.start.customer')} description={t('inbox.start.phoneHint')} placeholder={t('inbox.start.customerPlaceholder')} value={phone}
            onChange={(e) => setPhone(e.currentTarget.value)} autoComplete="off" data-autofocus data-testid="start-phone" />
        )}
      </Group>
      {/* Contacts of the channel matching what was typed: a name is enough to write to a known customer. */}
      {!picked && matches.length > 0 && (
        <Stack gap={2} data-testid="start-matches">
          {matches.map((c) => (
            <UnstyledButton key={c.id} className={classes.match} onClick={() => setPicked(c)} data-testid="start-match">
              <Text size="sm" fw={500} span>{contactLabel(c, (ref) => t('inbox.unnamedContact', { ref }))}</Text>
              {c.phone && c.name && <Text size="xs" c="dimmed" span> · {formatPhone(c.phone)}</Text>}
            </UnstyledButton>
          ))}
        </Stack>
      )}
      {official && (
        <SegmentedControl value={kind} onChange={(v) => setKind(v as 'template' | 'text')} data-testid="start-kind"
          data={[{ value: 'template', label: t('inbox.start.kindTemplate') }, { value: 'text', label: t('inbox.start.kindText') }]} />
      )}
      {byTemplate ? (
        <TemplateForm load={(signal) => inboxApi.channelTemplates(channel.id, signal)} source={channel.id} vars={varsOf(picked, phone)}
          send={start} onCancel={onClose} errorText={(err) => startErrorText(t, err)} disabled={!picked && !phone.trim()} />
      ) : (
        <>
          <Textarea label={t('inbox.start.message')} placeholder={t('inbox.start.messagePlaceholder')} autosize minRows={3} maxRows={8} value={text}
            onChange={(e) => setText(e.currentTarget.value)} description={official ? t('inbox.start.textHint') : undefined} data-testid="start-text" />
          {error && <Alert color="red" data-testid="start-error">{error}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('inbox.template.cancel')}</Button>
            <Button color="teal" onClick={() => void sendText()} loading={sending} disabled={(!picked && !phone.trim()) || !text.trim()} data-testid="start-send">
              {t('inbox.start.send')}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}

/** The button and its dialog; `opened` is shared with the keyboard shortcut (C). */
export function NewConversation({ opened, contactId, onToggle, onOpen }: { opened: boolean; contactId?: string; onToggle: (open: boolean) => void; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Button size="xs" variant="light" color="teal" leftSection={<IconMessagePlus size={14} />} onClick={() => onToggle(true)} data-testid="start-open">
        {t('inbox.start.open')}
      </Button>
      <Modal opened={opened} onClose={() => onToggle(false)} title={t('inbox.start.title')} size="xl">
        {opened && <StartDialog contactId={contactId} onClose={() => onToggle(false)} onOpen={onOpen} />}
      </Modal>
    </>
  );
}
