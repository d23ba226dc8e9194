import { Button, Text, type ButtonProps } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPhone } from '../shared/format-phone';

type Props = {
  contact: { name: string | null; phone: string | null; optedOut?: boolean };
  /** Saves the change (PATCH /v1/contacts/{id} {optedOut}); rejects when it could not. */
  onChange(optedOut: boolean): Promise<unknown>;
  size?: ButtonProps['size'];
  /** Ask before opting out: for members who cannot opt the contact back in (agents). */
  askBeforeOptOut?: boolean;
};

/**
 * Opts a contact out of marketing by hand (the customer asked on the phone, at the counter…), or back
 * in. Opting out is safe and immediate (asked first for those who could not undo it); opting back in is
 * asked first, since it is the customer's consent that is being recorded, in the name of whoever clicks.
 */
export function ConsentButton({ contact, onChange, size = 'xs', askBeforeOptOut = false }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const change = async (optedOut: boolean) => {
    setBusy(true);
    try {
      await onChange(optedOut);
      notifications.show({ color: optedOut ? 'orange' : 'teal', message: t(optedOut ? 'contacts.optedOutDone' : 'contacts.optedInDone') });
    } catch {
      notifications.show({ color: 'red', message: t('contacts.consentFailed') });
    } finally {
      setBusy(false);
    }
  };
  const who = contact.name?.trim() || (contact.phone && formatPhone(contact.phone)) || t('contacts.thisContact');
  const askOptOut = () =>
    modals.openConfirmModal({
      title: t('contacts.optOutTitle', { who }),
      children: <Text size="sm">{t('contacts.optOutText')}</Text>,
      labels: { confirm: t('contacts.optOutConfirm'), cancel: t('contacts.cancel') },
      confirmProps: { color: 'red', 'data-testid': 'contact-opt-out-confirm' } as Record<string, string>,
      onConfirm: () => void change(true),
    });
  const askOptIn = () =>
    modals.openConfirmModal({
      title: t('contacts.optInTitle', { who }),
      children: <Text size="sm">{t('contacts.optInText')}</Text>,
      labels: { confirm: t('contacts.optInConfirm'), cancel: t('contacts.cancel') },
      confirmProps: { 'data-testid': 'contact-opt-in-confirm' } as Record<string, string>,
      onConfirm: () => void change(false),
    });
  return contact.optedOut ? (
    <Button size={size} variant="default" loading={busy} onClick={askOptIn} data-testid="contact-opt-in">{t('contacts.optInAction')}</Button>
  ) : (
    <Button size={size} variant="light" color="red" loading={busy} onClick={askBeforeOptOut ? askOptOut : () => void change(true)} data-testid="contact-opt-out">{t('contacts.optOutAction')}</Button>
  );
}
