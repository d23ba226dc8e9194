import { ActionIcon, Menu, Switch, Text } from '@mantine/core';
import { IconBell, IconBellOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { askNotificationPermission, notificationsSupported, playTone, useAlertPrefs } from '../alerts/alerts';

/**
 * Sound and browser notifications for chats handed to people or given to the agent: the tone is on
 * until the agent turns it off; browser notifications ask the browser's permission on the click.
 */
export function AlertsMenu() {
  const { t } = useTranslation();
  const { sound, desktop, setSound, setDesktop } = useAlertPrefs();
  const denied = notificationsSupported() && Notification.permission === 'denied';
  return (
    <Menu position="bottom-end" closeOnItemClick={false} width={260}>
      <Menu.Target>
        <ActionIcon variant="default" size="lg" aria-label={t('inbox.alerts.title')} data-testid="inbox-alerts">
          {sound || desktop ? <IconBell size={18} /> : <IconBellOff size={18} />}
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown p="sm">
        <Text size="xs" c="dimmed" mb="xs">
          {t('inbox.alerts.hint')}
        </Text>
        <Switch
          label={t('inbox.alerts.sound')}
          checked={sound}
          onChange={(e) => {
            const on = e.currentTarget.checked;
            setSound(on);
            if (on) playTone();
          }}
          mb="xs"
        />
        <Switch
          label={t('inbox.alerts.desktop')}
          description={denied ? t('inbox.alerts.denied') : undefined}
          disabled={!notificationsSupported()}
          checked={desktop}
          onChange={(e) => {
            const on = e.currentTarget.checked;
            if (!on) return setDesktop(false);
            void askNotificationPermission().then(setDesktop);
          }}
        />
      </Menu.Dropdown>
    </Menu>
  );
}
