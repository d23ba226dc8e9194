// Browser notifications are offered once, under the chat list: an agent with the inbox in a
// background tab hears the tone but does not see which chat waits. The browser's permission is
// asked only when the agent clicks "Turn on"; "Not now" hides the offer for good on this browser
// (the alerts menu keeps the switch), and it never shows where the browser cannot notify, already
// asked, or the agent has them on.
import { Button, Group, Paper, Text } from '@mantine/core';
import { IconBellRinging } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useToastsAbove } from '../../shell/toast-clearance';
import { askNotificationPermission, notificationsSupported, shouldOfferNotifications, useAlertPrefs } from './alerts';

const DISMISSED = 'zyntra.inbox.notificationOffer';

const readDismissed = () => {
  try {
    return localStorage.getItem(DISMISSED) === 'dismissed';
  } catch {
    return false;
  }
};

export function NotificationOffer() {
  const { t } = useTranslation();
  const desktop = useAlertPrefs((s) => s.desktop);
  const setDesktop = useAlertPrefs((s) => s.setDesktop);
  const [dismissed, setDismissed] = useState(readDismissed);
  // Re-read after the browser's answer: "denied" or "granted" both end the offer.
  const [asked, setAsked] = useState(false);
  const supported = notificationsSupported();
  const toastsAbove = useToastsAbove();
  if (!shouldOfferNotifications({ supported, permission: supported && !asked ? Notification.permission : null, desktop, dismissed })) return null;
  const dismiss = () => {
    try {
      localStorage.setItem(DISMISSED, 'dismissed');
    } catch {
      // Private mode without storage: hidden for this visit only.
    }
    setDismissed(true);
  };
  return (
    <Paper ref={toastsAbove} radius={0} px="sm" py={8} bg="gray.0" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }} data-testid="notification-offer">
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <IconBellRinging size={18} color="var(--mantine-color-teal-7)" style={{ flexShrink: 0, marginTop: 2 }} />
        <Text size="xs" style={{ flex: 1 }}>{t('inbox.alerts.offer')}</Text>
      </Group>
      <Group gap="xs" mt={6} ml={26}>
        <Button
          size="compact-xs"
          variant="light"
          onClick={() => {
            void askNotificationPermission().then((granted) => {
              setDesktop(granted);
              setAsked(true);
            });
          }}
          data-testid="notification-offer-enable"
        >
          {t('inbox.alerts.offerEnable')}
        </Button>
        <Button size="compact-xs" variant="subtle" color="gray" onClick={dismiss} data-testid="notification-offer-dismiss">
          {t('inbox.alerts.offerDismiss')}
        </Button>
      </Group>
    </Paper>
  );
}
