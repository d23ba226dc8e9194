import { Group, Kbd, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from './shortcut-list';

export function ShortcutsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('inbox.shortcuts.title')} data-testid="shortcuts-modal">
      <Stack gap="xs">
        {SHORTCUTS.map((s) => (
          <Group key={s.action} justify="space-between" wrap="nowrap">
            <Text size="sm">{t(`inbox.shortcuts.${s.action}`)}</Text>
            <Group gap={4}>
              {s.keys.map((k, i) => (
                <Group key={k} gap={4}>
                  {i > 0 && <Text size="xs" c="dimmed">{t('inbox.shortcuts.or')}</Text>}
                  <Kbd size="xs">{k}</Kbd>
                </Group>
              ))}
            </Group>
          </Group>
        ))}
      </Stack>
    </Modal>
  );
}
