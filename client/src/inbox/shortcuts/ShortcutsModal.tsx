import { Group, Kbd, Modal, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PLACE_KEYS, SHORTCUTS } from './shortcut-list';
import { presetClock } from '../snooze/snooze-time';

function KeyRow({ label, keys }: { label: string; keys: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" wrap="nowrap">
      <Text size="sm">{label}</Text>
      <Group gap={4} wrap="nowrap">
        {keys.map((k, i) => (
          <Group key={k} gap={4} wrap="nowrap">
            {i > 0 && <Text size="xs" c="dimmed">{t('inbox.shortcuts.or')}</Text>}
            <Kbd size="xs">{k}</Kbd>
          </Group>
        ))}
      </Group>
    </Group>
  );
}

export function ShortcutsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  // Z's "until tomorrow, 9:00 AM" in the words of the menu and the banner.
  const time = presetClock(i18n.language);
  return (
    <Modal opened={opened} onClose={onClose} title={t('inbox.shortcuts.title')} data-testid="shortcuts-modal">
      <Stack gap="xs">
        {SHORTCUTS.map((s) => <KeyRow key={s.action} label={t(`inbox.shortcuts.${s.action}`, { time })} keys={s.keys} />)}
        {/* Keys of one place: the reply box's Enter, `/` and `@`, the folders' arrows. */}
        {PLACE_KEYS.map((p) => (
          <Stack key={p.title} gap="xs" mt="xs">
            <Title order={6}>{t(p.title)}</Title>
            {p.keys.map((s) => <KeyRow key={s.label} label={t(s.label)} keys={s.keys} />)}
          </Stack>
        ))}
      </Stack>
    </Modal>
  );
}
