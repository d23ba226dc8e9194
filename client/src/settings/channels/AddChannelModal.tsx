import { Group, Modal, Stack, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChannelCreated } from './ChannelCreated';
import { ChannelForm } from './ChannelForm';
import { CHANNEL_TYPES } from './channels-api';
import type { Channel, ChannelType } from './channels-api';
import { ChannelTypeIcon } from './channel-visuals';
import classes from './AddChannelModal.module.css';

interface AddChannelModalProps {
  opened: boolean;
  onClose: () => void;
  onCreated: (channel: Channel) => void;
}

type Step =
  | { kind: 'pick' }
  | { kind: 'form'; type: ChannelType }
  /** `token` is the one secret the user still has to paste into the provider; it lives only here. */
  | { kind: 'done'; channel: Channel; token?: string };

function TypePicker({ onPick }: { onPick: (type: ChannelType) => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('settings.add.chooseType')}
      </Text>
      {CHANNEL_TYPES.map((type) => (
        <UnstyledButton
          key={type}
          onClick={() => onPick(type)}
          data-testid={`channel-type-${type}`}
          p="md"
          className={classes.option}
        >
          <Group gap="md" wrap="nowrap" align="flex-start">
            <ChannelTypeIcon type={type} />
            <Stack gap={2}>
              <Text fw={600}>{t(`settings.channels.types.${type}`)}</Text>
              <Text size="sm" c="dimmed">
                {t(`settings.channels.typeDescriptions.${type}`)}
              </Text>
            </Stack>
          </Group>
        </UnstyledButton>
      ))}
    </Stack>
  );
}

/**
 * The modal's steps. It is rendered inside Modal.Content, which unmounts when the modal closes,
 * so all state (including the token shown on the last step) is dropped on close: the secret
 * can't be reopened later, and every new "Add channel" starts from the type picker.
 */
function AddChannelFlow({ onClose, onCreated }: Omit<AddChannelModalProps, 'opened'>) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ kind: 'pick' });

  const title =
    step.kind === 'pick'
      ? t('settings.add.title')
      : step.kind === 'form'
        ? t('settings.add.titleType', { type: t(`settings.channels.types.${step.type}`) })
        : t('settings.add.titleDone');

  return (
    <>
      <Modal.Header>
        <Modal.Title fw={700} fz="lg">
          {title}
        </Modal.Title>
        <Modal.CloseButton />
      </Modal.Header>
      <Modal.Body>
        {step.kind === 'pick' && <TypePicker onPick={(type) => setStep({ kind: 'form', type })} />}
        {step.kind === 'form' && (
          <ChannelForm
            type={step.type}
            onBack={() => setStep({ kind: 'pick' })}
            onCancel={onClose}
            onCreated={(channel, token) => {
              onCreated(channel);
              setStep({ kind: 'done', channel, token });
            }}
          />
        )}
        {step.kind === 'done' && (
          <ChannelCreated channel={step.channel} token={step.token} onDone={onClose} />
        )}
      </Modal.Body>
    </>
  );
}

export function AddChannelModal({ opened, onClose, onCreated }: AddChannelModalProps) {
  return (
    // No close on outside click: a stray click must not throw away typed credentials or the
    // only view of the generated token. Escape and the close button still close it.
    <Modal.Root opened={opened} onClose={onClose} size="lg" closeOnClickOutside={false}>
      <Modal.Overlay />
      <Modal.Content data-testid="add-channel-modal">
        <AddChannelFlow onClose={onClose} onCreated={onCreated} />
      </Modal.Content>
    </Modal.Root>
  );
}
