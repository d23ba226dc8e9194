import { Alert, Badge, Button, Divider, Drawer, Group, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconMessagePlus, IconPlus, IconTrash } from '@tabler/icons-react';
import { CONTACT_LIMITS } from '@zyntra/flows-schema';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuthStore } from '../auth/auth-store';
import { feedbackFromError, useMessageText, type FormFeedback } from '../auth/form-errors';
import { useLocale } from '../i18n/use-locale';
import { contactRef } from '../shared/contact-ref';
import { useRevealError } from '../shared/reveal-error';
import { attributeNameProblemOf, attributeProblem, type AttributeProblem } from './attribute-problem';
import { ConsentButton } from './ConsentButton';
import { contactsApi, download, type Contact } from './contacts-api';
import { formatPhone } from '../shared/format-phone';
import { useTags } from './use-tags';

type Props = { contact: Contact | null; onClose(): void; onSaved(c: Contact): void; onErased(id: string): void };
type Row = { key: string; value: string };
type Field = 'name' | 'tags' | 'attributes';
const FIELDS: Field[] = ['name', 'tags', 'attributes'];
type SaveError = FormFeedback<Field> & { attribute: AttributeProblem | null };
const NO_ERROR: SaveError = { fields: {}, form: null, attribute: null };

const VIAS = ['keyword', 'whatsapp_preferences', 'whatsapp_131050', 'flow', 'agent'] as const;
const viaKey = (via: string | null) => `contacts.via.${VIAS.find((v) => v === via) ?? 'unknown'}` as const;

const toRows = (c: Contact | null): Row[] => Object.entries(c?.attributes ?? {}).map(([key, value]) => ({ key, value: String(value) }));

/** Name, tags and custom attributes of one contact; its consent (changed by hand too); LGPD data export and erasure. */
export function ContactDrawer({ contact, onClose, onSaved, onErased }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const mayWrite = useAuthStore((s) => s.role === 'owner' || s.role === 'admin');
  const [name, setName] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  const knownTags = useTags();
  const [rows, setRows] = useState<Row[]>([]);
  const [error, setError] = useState<SaveError>(NO_ERROR);
  const text = useMessageText();
  const formRef = useRef<HTMLDivElement>(null);
  const revealError = useRevealError(formRef);
  const [saving, setSaving] = useState(false);

  const load = (c: Contact | null) => {
    setName(c?.name ?? '');
    setTags(c?.tags ?? []);
    setRows(toRows(c));
    setError(NO_ERROR);
  };
  // Fields reset when another contact opens (and after Save), not when only its consent changes:
  // what is typed and not saved yet stays.
  const contactId = contact?.id ?? null;
  useEffect(() => load(contact), [contactId]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!contact) return <Drawer opened={false} onClose={onClose} />;
  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(locale) : '');

  const save = async () => {
    setSaving(true);
    setError(NO_ERROR);
    // A name the server would refuse ("data de nascimento") is said before sending, on the name.
    const badName = attributeNameProblemOf(rows.map((r) => r.key.trim()));
    if (badName) {
      setError({ ...NO_ERROR, attribute: badName });
      setSaving(false);
      revealError();
      return;
    }
    try {
      const kept = new Set(rows.map((r) => r.key.trim()).filter(Boolean));
      const attributes: Record<string, string | null> = Object.fromEntries(rows.filter((r) => r.key.trim()).map((r) => [r.key.trim(), r.value]));
      for (const old of Object.keys(contact.attributes)) if (!kept.has(old)) attributes[old] = null;
      const saved = await contactsApi.update(contact.id, { name: name.trim() || null, tags, attributes });
      load(saved);
      onSaved(saved);
      notifications.show({ message: t('contacts.saved'), color: 'green' });
    } catch (err) {
      // The server's words are English: the field it names says what is wrong, in the user's language.
      const attribute = attributeProblem(err);
      const feedback = feedbackFromError(err, FIELDS);
      setError({ ...feedback, form: attribute ? null : feedback.form, attribute });
      revealError();
    } finally {
      setSaving(false);
    }
  };
  const exportData = async () => download(`contact-${contact.id}.json`, JSON.stringify(await contactsApi.personalData(contact.id), null, 2), 'application/json');
  const erase = () =>
    modals.openConfirmModal({
      title: t('contacts.eraseTitle'),
      children: <Text size="sm">{t('contacts.eraseText')}</Text>,
      labels: { confirm: t('contacts.eraseConfirm'), cancel: t('contacts.cancel') },
      confirmProps: { color: 'red', 'data-testid': 'contact-erase-confirm' } as Record<string, string>,
      onConfirm: () => void contactsApi.erase(contact.id).then(() => onErased(contact.id)),
    });

  return (
    <Drawer opened onClose={onClose} position="right" size="md" title={contact.name?.trim() || (contact.phone && formatPhone(contact.phone)) || t('contacts.unnamed', { ref: contactRef(contact.id) })} data-testid="contact-drawer">
      <Stack gap="md" ref={formRef}>
        <Group justify="space-between">
          <Text size="sm">{contact.phone && formatPhone(contact.phone)}</Text>
          {/* Owners and admins work the inbox too: write to this customer from there. */}
          {mayWrite && (
            <Button size="xs" variant="light" color="teal" leftSection={<IconMessagePlus size={14} />} component={Link} to={`/inbox?writeTo=${contact.id}`} data-testid="contact-write">
              {t('contacts.write')}
            </Button>
          )}
        </Group>
        <Group justify="space-between" data-testid="contact-consent">
          <Group gap="xs">
            <Text size="sm" fw={500}>{t('contacts.consent')}</Text>
            {contact.optedOut
              ? <Badge color="red" variant="light" size="sm">{t('contacts.optedOut')}</Badge>
              : <Badge color="green" variant="light" size="sm">{t('contacts.subscribed')}</Badge>}
          </Group>
          <ConsentButton contact={contact} onChange={async (optedOut) => onSaved(await contactsApi.update(contact.id, { optedOut }))} />
        </Group>
        {contact.optedOut ? (
          <Alert color="red" data-testid="contact-opted-out">{t('contacts.optedOutSince', { when: when(contact.optedOutAt), via: t(viaKey(contact.optedOutVia)) })}</Alert>
        ) : contact.optedInAt ? (
          <Alert color="green">{t('contacts.optedInSince', { when: when(contact.optedInAt), via: t(viaKey(contact.optedInVia)) })}</Alert>
        ) : (
          <Text size="xs" c="dimmed" data-testid="contact-no-opt-in">{t('contacts.noOptIn')}</Text>
        )}
        <TextInput label={t('contacts.name')} value={name} maxLength={CONTACT_LIMITS.name} error={text(error.fields.name)} onChange={(e) => { setName(e.currentTarget.value); setError((x) => ({ ...x, fields: { ...x.fields, name: undefined } })); }} data-testid="contact-name" />
        <TagsInput label={t('contacts.tags')} data={knownTags} limit={20} value={tags} maxTags={CONTACT_LIMITS.tags} maxLength={CONTACT_LIMITS.tag} error={text(error.fields.tags)} onChange={setTags} data-testid="contact-tags" />
        <Stack gap={6}>
          <Text size="sm" fw={500}>{t('contacts.attributes')}</Text>
          {rows.map((r, i) => (
            <Group key={i} gap={6} grow>
              <TextInput size="xs" placeholder={t('contacts.attrKey')} value={r.key} error={error.attribute?.on === 'name' && error.attribute.key === r.key.trim()} data-testid="contact-attr-key" onChange={(e) => { const v = e.currentTarget.value; setRows((rs) => rs.map((x, j) => (j === i ? { ...x, key: v } : x))); }} />
              <TextInput size="xs" placeholder={t('contacts.attrValue')} maxLength={CONTACT_LIMITS.attributeValue} value={r.value} data-testid="contact-attr-value" onChange={(e) => { const v = e.currentTarget.value; setRows((rs) => rs.map((x, j) => (j === i ? { ...x, value: v } : x))); }} />
            </Group>
          ))}
          <Button size="xs" variant="subtle" leftSection={<IconPlus size={14} />} onClick={() => setRows((rs) => [...rs, { key: '', value: '' }])} w="fit-content">{t('contacts.addAttribute')}</Button>
        </Stack>
        {error.attribute && (
          <Alert color="red" data-testid="contact-error">
            {error.attribute.on === 'name'
              ? t(`contacts.attributeNameInvalid.${error.attribute.name}`, { key: error.attribute.key })
              : t('contacts.attributeInvalid', { key: error.attribute.key, problem: text(error.attribute.problem) })}
          </Alert>
        )}
        {error.form && <Alert color="red" data-testid="contact-error">{text(error.form)}</Alert>}
        <Group justify="flex-end"><Button loading={saving} onClick={() => void save()} data-testid="contact-save">{t('contacts.save')}</Button></Group>
        <Divider label={t('contacts.privacy')} labelPosition="left" />
        <Group gap="sm">
          <Button variant="default" size="xs" leftSection={<IconDownload size={14} />} onClick={() => void exportData()}>{t('contacts.exportData')}</Button>
          <Button variant="light" color="red" size="xs" leftSection={<IconTrash size={14} />} onClick={erase} data-testid="contact-erase">{t('contacts.erase')}</Button>
        </Group>
      </Stack>
    </Drawer>
  );
}
