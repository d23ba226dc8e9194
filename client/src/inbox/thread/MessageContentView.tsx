// What a customer's message holds beyond plain text, read from the stored content (see
// docs/message-content.md): a location, contact cards, the reactions on it, and the "edited" and
// "deleted" marks. The words of other types come from the same describer the server uses, in the
// reader's language (message-words.ts).
import { Anchor, Group, Stack, Text } from '@mantine/core';
import { IconBan, IconMapPin, IconUser } from '@tabler/icons-react';
import type { ContactCard, LocationContent } from '@zyntra/flows-schema';
import { useTranslation } from 'react-i18next';
import type { MessageItem } from '../api/inbox-types';
import { payloadOf } from './message-words';
import classes from './thread.module.css';

function LocationView({ l }: { l: LocationContent }) {
  const { t } = useTranslation();
  const label = [l.name, l.address].filter(Boolean).join(', ') || `${l.latitude}, ${l.longitude}`;
  const map = l.latitude !== null && l.longitude !== null ? `https://www.openstreetmap.org/?mlat=${l.latitude}&mlon=${l.longitude}#map=17/${l.latitude}/${l.longitude}` : null;
  return (
    <Group gap={6} wrap="nowrap" align="flex-start" data-testid="message-location">
      <IconMapPin size={18} color="var(--mantine-color-red-6)" style={{ flexShrink: 0, marginTop: 2 }} />
      <div>
        <Text size="sm" fw={500}>{t('inbox.content.location')}</Text>
        <Text size="sm">{label}</Text>
        {map && <Anchor size="xs" href={map} target="_blank" rel="noopener noreferrer">{t('inbox.content.openMap')}</Anchor>}
      </div>
    </Group>
  );
}

function ContactCards({ cards }: { cards: ContactCard[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6} data-testid="message-contacts">
      {cards.map((c, i) => (
        <Group key={i} gap={8} wrap="nowrap" align="flex-start" className={classes.card}>
          <IconUser size={18} style={{ flexShrink: 0, marginTop: 2 }} />
          <div>
            <Text size="xs" c="dimmed">{t('inbox.content.contactCard')}</Text>
            <Text size="sm" fw={500}>{c.name}</Text>
            {c.organization && <Text size="xs" c="dimmed">{c.organization}</Text>}
            {c.phones.map((p) => <Text key={p.phone} size="xs">{p.phone}</Text>)}
            {c.emails.map((e) => <Text key={e} size="xs">{e}</Text>)}
          </div>
        </Group>
      ))}
    </Stack>
  );
}

/** Location and contact cards, above the text. */
export function RichContent({ m }: { m: MessageItem }) {
  const p = payloadOf(m);
  if (p.deleted) return null;
  return (
    <>
      {p.location && <LocationView l={p.location} />}
      {p.contacts && p.contacts.length > 0 && <ContactCards cards={p.contacts} />}
    </>
  );
}

/** The "edited" / "deleted" marks, beside the time. */
export function ChangeMark({ m }: { m: MessageItem }) {
  const { t } = useTranslation();
  const p = payloadOf(m);
  if (p.deleted) return null;
  return p.edited ? <span data-testid="message-edited">{t('inbox.content.edited')}</span> : null;
}

export function DeletedNote() {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap" data-testid="message-deleted">
      <IconBan size={14} color="var(--mantine-color-gray-6)" />
      <Text size="sm" fs="italic" c="dimmed">{t('inbox.content.deleted')}</Text>
    </Group>
  );
}

/** The reactions people put on this message, under the bubble. */
export function Reactions({ m }: { m: MessageItem }) {
  const { t } = useTranslation();
  const reactions = payloadOf(m).reactions ?? [];
  if (!reactions.length) return null;
  return (
    <div className={classes.reactions} data-testid="message-reactions" aria-label={t('inbox.content.reactions')}>
      {reactions.map((r) => <span key={r.by}>{r.emoji}</span>)}
    </div>
  );
}
