import {
  ActionIcon,
  Alert,
  Box,
  Button,
  ColorInput,
  Group,
  PasswordInput,
  Select,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconInfoCircle, IconRefresh } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import type { ChangeEvent, FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { compact, feedbackFromError, useMessageText } from '../../auth/form-errors';
import type { FieldMessages, Message } from '../../auth/form-errors';
import { useRevealError } from '../../shared/reveal-error';
import { channelBody, changedConfig, editValues, fieldsOf, generateToken, initialValues, maxLengthOf, validateChannel } from './channel-forms';
import type { FieldSpec, FormField, FormValues } from './channel-forms';
import { channelsApi } from './channels-api';
import type { Channel, ChannelType } from './channels-api';

interface ChannelFormProps {
  type: ChannelType;
  /** Absent when editing a channel (there is no type step to go back to). */
  onBack?: () => void;
  onCancel: () => void;
  /** `token`: the generated value the user must paste into the provider (verify/webhook token). */
  onCreated: (channel: Channel, token?: string) => void;
  /** Edit this channel instead of creating one: secrets start empty and are kept unless retyped. */
  channel?: Channel;
}

// Credentials of a third party, not the user's Zyntra login: keep browsers and password
// managers from autofilling the saved Zyntra password into them or offering to save them.
const SWATCHES = ['#12b886', '#228be6', '#7950f2', '#e64980', '#fa5252', '#fd7e14', '#fab005', '#212529'];

const noAutofill = { autoComplete: 'new-password', 'data-1p-ignore': true, 'data-lpignore': 'true' };

export function ChannelForm({ type, onBack, onCancel, onCreated, channel }: ChannelFormProps) {
  const { t } = useTranslation();
  const text = useMessageText();
  const editing = channel !== undefined;
  const [values, setValues] = useState<FormValues>(() => (channel ? editValues(type, channel) : initialValues(type)));
  const [errors, setErrors] = useState<FieldMessages<FormField>>({});
  const [formError, setFormError] = useState<Message | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const specs: readonly FieldSpec[] = fieldsOf(type);
  const formRef = useRef<HTMLFormElement>(null);
  const revealError = useRevealError(formRef);

  const setValue = (name: FormField, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    // Editing a field answers its error; the others stay until the next submit.
    setErrors((e) => ({ ...e, [name]: undefined }));
  };

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (submitting) return;
    setFormError(null);
    const clientErrors = compact(validateChannel(type, values, editing));
    setErrors(clientErrors);
    if (Object.keys(clientErrors).length > 0) return revealError();
    setSubmitting(true);
    try {
      const token = specs.find((s) => s.generated)?.key;
      const typedToken = token ? values[token]?.trim() || undefined : undefined;
      if (channel) {
        const config = changedConfig(type, channel, values);
        onCreated(await channelsApi.update(channel.id, { name: (values.name ?? '').trim(), ...(Object.keys(config).length ? { config } : {}) }), typedToken);
      } else {
        onCreated(await channelsApi.create(channelBody(type, values)), typedToken);
      }
    } catch (err) {
      const feedback = feedbackFromError<FormField>(err, ['name', ...specs.map((s) => s.key)]);
      setErrors(feedback.fields);
      setFormError(feedback.form);
      setSubmitting(false);
      revealError();
    }
  };

  const regenerate = (name: FormField) => (children: ReactNode) => (
    <Group gap="xs" wrap="nowrap">
      <Box flex={1}>{children}</Box>
      <Tooltip label={t('settings.add.regenerate')} withArrow>
        <ActionIcon
          variant="default"
          size="input-sm"
          onClick={() => setValue(name, generateToken())}
          aria-label={t('settings.add.regenerate')}
          data-testid={`regenerate-${name}`}
        >
          <IconRefresh size={18} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );

  const configInput = (spec: FieldSpec) => {
    const props: { required: boolean } & Record<string, unknown> = {
      name: spec.key,
      label: t(`settings.fields.${spec.key}.label`),
      description: t(`settings.fields.${spec.key}.${spec.hint ?? 'description'}` as never),
      placeholder: spec.placeholder,
      value: values[spec.key] ?? '',
      error: text(errors[spec.key]),
      onChange: (e: ChangeEvent<HTMLInputElement>) => setValue(spec.key, e.currentTarget.value),
      required: true,
      maxLength: maxLengthOf(spec.key),
      spellCheck: false,
      inputContainer: spec.generated ? regenerate(spec.key) : undefined,
    };
    if (spec.choices) {
      const data = spec.choices.map((value) => ({ value, label: t(`settings.fields.${spec.key}.options.${value}` as never) }));
      const { onChange: _text, inputContainer: _c, spellCheck: _s, ...rest } = props;
      return <Select key={spec.key} {...rest} data={data} onChange={(v) => v && setValue(spec.key, v)} comboboxProps={{ withinPortal: true }} data-testid={`channel-${spec.key}`} />;
    }
    if (spec.color) {
      const { onChange: _text, inputContainer: _c, ...rest } = props;
      return <ColorInput key={spec.key} {...rest} format="hex" swatches={SWATCHES} onChange={(v) => setValue(spec.key, v)} data-testid={`channel-${spec.key}`} />;
    }
    if (spec.optional) props.required = false;
    // Stored secrets are never sent back: an empty field keeps the one the server holds.
    if (editing && spec.secret) Object.assign(props, { required: false, placeholder: t('settings.channels.secretKept') });
    return spec.secret ? (
      <PasswordInput key={spec.key} {...props} {...noAutofill} />
    ) : (
      <TextInput key={spec.key} {...props} autoComplete="off" />
    );
  };

  return (
    <form ref={formRef} noValidate onSubmit={(e) => void submit(e)} data-testid={`channel-form-${type}`}>
      <Stack gap="md">
        <TextInput
          name="name"
          label={t('settings.fields.name.label')}
          description={t('settings.fields.name.description')}
          placeholder={t(type === 'webchat' ? 'settings.fields.name.placeholderWebchat' : 'settings.fields.name.placeholder')}
          value={values.name ?? ''}
          error={text(errors.name)}
          onChange={(e) => setValue('name', e.currentTarget.value)}
          maxLength={maxLengthOf('name')}
          required
          autoComplete="off"
          data-autofocus
          autoFocus
        />
        {specs.map(configInput)}
        {type === 'webchat' && !editing && (
          <Alert color="blue" variant="light" icon={<IconInfoCircle size={20} />}>
            <Text size="sm">{t('settings.add.webchatNote')}</Text>
          </Alert>
        )}
        {formError && (
          <Alert color="red" icon={<IconAlertTriangle size={20} />} data-testid="form-error">
            {text(formError)}
          </Alert>
        )}
        <Group justify="space-between" mt="xs">
          {onBack ? (
            <Button variant="subtle" color="gray" leftSection={<IconArrowLeft size={16} />} onClick={onBack}>
              {t('settings.add.back')}
            </Button>
          ) : <span />}
          <Group gap="sm">
            <Button variant="default" onClick={onCancel}>
              {t('settings.add.cancel')}
            </Button>
            <Button type="submit" loading={submitting} data-testid="channel-submit">
              {editing ? t('settings.channels.save') : t('settings.add.submit')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
