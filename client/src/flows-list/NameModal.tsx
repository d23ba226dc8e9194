import { Button, Group, Modal, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface NameModalProps {
  opened: boolean;
  title: string;
  submitLabel: string;
  initialName: string;
  onClose: () => void;
  /** Resolves when done; the modal stays open (and busy) until then. */
  onSubmit: (name: string) => Promise<void>;
}

/** Asks for a flow name: used to create and to rename. */
export function NameModal({ opened, title, submitLabel, initialName, onClose, onSubmit }: NameModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      {/* Keyed so every opening starts from the given name. */}
      {opened && <NameForm key={initialName} {...{ submitLabel, initialName, onClose, onSubmit }} cancel={t('flows.cancel')} />}
    </Modal>
  );
}

function NameForm({ submitLabel, initialName, onClose, onSubmit, cancel }: Omit<NameModalProps, 'opened' | 'title'> & { cancel: string }) {
  const { t } = useTranslation();
  const [name, setName] = useState(initialName);
  const [busy, setBusy] = useState(false);
  const trimmed = name.trim();
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!trimmed) return;
        setBusy(true);
        onSubmit(trimmed).finally(() => setBusy(false));
      }}
    >
      <TextInput
        data-autofocus
        data-testid="flow-name-input"
        label={t('flows.nameLabel')}
        placeholder={t('flows.namePlaceholder')}
        value={name}
        maxLength={120}
        onChange={(e) => setName(e.currentTarget.value)}
        // The suggested name is selected, so typing replaces it ("Fluxo sem títuloAtendimento" otherwise).
        onFocus={(e) => e.currentTarget.select()}
      />
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose}>
          {cancel}
        </Button>
        <Button type="submit" loading={busy} disabled={!trimmed} data-testid="flow-name-submit">
          {submitLabel}
        </Button>
      </Group>
    </form>
  );
}
